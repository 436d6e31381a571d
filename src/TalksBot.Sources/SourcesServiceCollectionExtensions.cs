using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TalksBot.Core.Sources;

namespace TalksBot.Sources;

/// <summary>Registers the source factory, the single-article extractor and the Sources options (validated at start).</summary>
public static class SourcesServiceCollectionExtensions
{
    public static IServiceCollection AddTalksBotSources(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SourcesOptions>().Bind(configuration.GetSection(SourcesOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<IArticleSourceFactory, ArticleSourceFactory>();
        services.TryAddSingleton<SingleArticleExtractor>();
        return services;
    }
}
