using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TalksBot.Core.Chat;
using TalksBot.Core.Feedback;
using TalksBot.Core.Indexing;

namespace TalksBot.Index.Sqlite;

/// <summary>Registers the SQLite index as IArticleIndex (and its roles) and its sidecar state file as IStateStore, IFeedbackStore and IAnsweredMessageStore, at Index:DatabasePath.</summary>
public static class SqliteIndexServiceCollectionExtensions
{
    public static IServiceCollection AddSqliteArticleIndex(this IServiceCollection services)
    {
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<IndexOptions>>().Value;
            var path = options.DatabasePath;
            return new SqliteArticleIndex(string.IsNullOrWhiteSpace(path) ? IndexOptions.DefaultDatabasePath() : path, options.HoldPostings ?? false);
        });
        services.AddArticleIndex(sp => new DamageReportingIndex(sp.GetRequiredService<SqliteArticleIndex>()));
        services.TryAddSingleton<IStateStore>(sp => new SqliteStateStore(SqliteStateStore.PathFor(sp.GetRequiredService<SqliteArticleIndex>().DatabasePath),
            sp.GetService<ILogger<SqliteStateStore>>()));
        services.TryAddSingleton<IFeedbackStore>(sp => new SqliteFeedbackStore(SqliteStateStore.PathFor(sp.GetRequiredService<SqliteArticleIndex>().DatabasePath),
            sp.GetService<ILogger<SqliteFeedbackStore>>()));
        services.TryAddSingleton<IAnsweredMessageStore>(sp => new SqliteAnsweredMessageStore(SqliteStateStore.PathFor(sp.GetRequiredService<SqliteArticleIndex>().DatabasePath),
            sp.GetService<ILogger<SqliteAnsweredMessageStore>>()));
        return services;
    }
}
