using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using TalksBot.Core.Indexing;

namespace TalksBot.Index.Sqlite;

/// <summary>
/// The SQLite index as storage: its status (counts, sources, the last refresh, the file's size) and refreshes, each
/// one transaction held with the refresh lock across processes (WAL mode: readers keep answering from the previous
/// state until it commits).
/// </summary>
internal sealed class SqliteIndexStore(SqliteDatabase database) : IIndexStore
{
    public async Task<IndexStatus> GetStatusAsync(CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        long articles = await SqliteDatabase.ScalarAsync(connection, "SELECT count(*) FROM articles", cancellationToken);
        long passages = await SqliteDatabase.ScalarAsync(connection, "SELECT count(*) FROM passages", cancellationToken);
        var meta = await ReadMetaAsync(connection, cancellationToken);
        var embeddingModel = meta.GetValueOrDefault("embedding_model");
        long embedded = embeddingModel is null ? 0 : await SqliteDatabase.ScalarAsync(connection, "SELECT count(*) FROM embeddings WHERE model = $m", cancellationToken, ("$m", embeddingModel));
        DateTimeOffset? lastRefresh = meta.TryGetValue("last_refresh", out var lr) ? DateTimeOffset.Parse(lr, CultureInfo.InvariantCulture) : null;
        IReadOnlyList<SourceError> errors = meta.TryGetValue("last_refresh_errors", out var json)
            ? JsonSerializer.Deserialize<List<SourceError>>(json) ?? []
            : [];
        var sources = await SqliteSourceRegistry.ReadSourcesAsync(connection, [], cancellationToken);
        long bytes = 0;
        foreach (var suffix in new[] { "", "-wal" })
        {
            var f = new FileInfo(database.DatabasePath + suffix);
            if (f.Exists) bytes += f.Length;
        }
        return new IndexStatus((int)articles, (int)passages, sources, lastRefresh, database.DatabasePath, bytes)
        {
            LastRefreshErrors = errors,
            EmbeddingModel = embeddingModel,
            EmbeddedPassages = (int)embedded,
        };
    }

    public async Task<IIndexRefreshSession> BeginRefreshAsync(CancellationToken cancellationToken)
    {
        database.EnsureMigrated();
        var refreshLock = RefreshLock.Acquire(database.DatabasePath);
        try
        {
            var connection = database.Open();
            return await SqliteRefreshSession.StartAsync(connection, refreshLock, cancellationToken);
        }
        catch
        {
            refreshLock.Dispose();
            throw;
        }
    }

    private static async Task<Dictionary<string, string>> ReadMetaAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var meta = new Dictionary<string, string>(StringComparer.Ordinal);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT key, value FROM meta";
        using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (!reader.IsDBNull(1)) meta[reader.GetString(0)] = reader.GetString(1);
        }
        return meta;
    }
}
