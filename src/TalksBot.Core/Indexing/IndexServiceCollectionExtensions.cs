using Microsoft.Extensions.DependencyInjection;

namespace TalksBot.Core.Indexing;

/// <summary>Registers an index implementation under each of its roles, all resolving to the one instance.</summary>
public static class IndexServiceCollectionExtensions
{
    public static IServiceCollection AddArticleIndex(this IServiceCollection services, Func<IServiceProvider, IArticleIndex> factory)
    {
        services.AddSingleton(factory);
        services.AddSingleton<IPassageSearch>(sp => sp.GetRequiredService<IArticleIndex>());
        services.AddSingleton<ISourceRegistry>(sp => sp.GetRequiredService<IArticleIndex>());
        services.AddSingleton<IIndexStore>(sp => sp.GetRequiredService<IArticleIndex>());
        return services;
    }
}
