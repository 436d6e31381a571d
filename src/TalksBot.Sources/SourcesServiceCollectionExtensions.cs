using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TalksBot.Core.Indexing;
using TalksBot.Core.Sources;
using TalksBot.Sources.Web;

namespace TalksBot.Sources;

/// <summary>Registers the safe page fetcher, the source factory, the single-article extractor and the Sources options (validated at start).</summary>
public static class SourcesServiceCollectionExtensions
{
    public static IServiceCollection AddTalksBotSources(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SourcesOptions>().Bind(configuration.GetSection(SourcesOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(sp => new PageFetcher(
            sp.GetRequiredService<IOptions<SourcesOptions>>(), sp.GetService<IStateStore>(), sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.TryAddSingleton<IArticleSourceFactory, ArticleSourceFactory>();
        services.TryAddSingleton<SingleArticleExtractor>();
        return services;
    }
}
