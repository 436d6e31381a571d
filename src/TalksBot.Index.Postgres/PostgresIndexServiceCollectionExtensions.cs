using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using TalksBot.Core.Indexing;
using TalksBot.Core.Retrieval;

namespace TalksBot.Index.Postgres;

/// <summary>Registers the PostgreSQL index as IArticleIndex, on the given connection string (ConnectionStrings:TalksBot in the host).</summary>
public static class PostgresIndexServiceCollectionExtensions
{
    public static IServiceCollection AddPostgresArticleIndex(this IServiceCollection services, string connectionString)
    {
        services.TryAddSingleton(sp => new PostgresArticleIndex(
            connectionString,
            sp.GetService<TextAnalyzer>() ?? TextAnalyzer.Default,
            sp.GetService<ILogger<PostgresArticleIndex>>()));
        services.TryAddSingleton<IArticleIndex>(sp => sp.GetRequiredService<PostgresArticleIndex>());
        return services;
    }
}
