using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using TalksBot.Core.Indexing;

namespace TalksBot.Index.Postgres;

/// <summary>Registers the PostgreSQL index as IArticleIndex and its roles, on the given connection string (ConnectionStrings:TalksBot in the host).</summary>
public static class PostgresIndexServiceCollectionExtensions
{
    public static IServiceCollection AddPostgresArticleIndex(this IServiceCollection services, string connectionString)
    {
        services.TryAddSingleton(sp => new PostgresArticleIndex(connectionString, sp.GetService<ILogger<PostgresArticleIndex>>()));
        services.AddArticleIndex(sp => sp.GetRequiredService<PostgresArticleIndex>());
        return services;
    }
}
