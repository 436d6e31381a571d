using System.Globalization;
using Microsoft.Data.Sqlite;
using TalksBot.Core.Indexing;

namespace TalksBot.Index.Sqlite;

/// <summary>
/// The sources table: what each refresh recorded and what moderators added, listed with their article counts and
/// outlets; adding a moderator source, and removing one with its articles in one transaction.
/// </summary>
internal sealed class SqliteSourceRegistry(SqliteDatabase database) : ISourceRegistry
{
    public async Task<IReadOnlyList<SourceRecord>> GetSourcesAsync(IReadOnlyList<string> configured, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        return await ReadSourcesAsync(connection, configured, cancellationToken);
    }

    /// <summary>
    /// Configured sources first (in configuration order), then moderator-added ones; with an empty list, every source
    /// the index has seen.
    /// </summary>
    internal static async Task<IReadOnlyList<SourceRecord>> ReadSourcesAsync(SqliteConnection connection, IReadOnlyList<string> configured, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, (int Count, DateOnly? Newest)>(StringComparer.Ordinal);
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT source, count(*), max(published) FROM articles GROUP BY source";
            using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                counts[reader.GetString(0)] = (reader.GetInt32(1), reader.IsDBNull(2) ? null : DateOnly.ParseExact(reader.GetString(2), "yyyy-MM-dd", CultureInfo.InvariantCulture));
            }
        }
        var outlets = new Dictionary<string, List<(string, int, DateOnly?)>>(StringComparer.Ordinal);
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT source, outlet, count(*), max(published) FROM articles WHERE outlet <> '' GROUP BY source, outlet ORDER BY count(*) DESC, outlet";
            using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var list = outlets.TryGetValue(reader.GetString(0), out var l) ? l : outlets[reader.GetString(0)] = [];
                list.Add((reader.GetString(1), reader.GetInt32(2), reader.IsDBNull(3) ? null : DateOnly.ParseExact(reader.GetString(3), "yyyy-MM-dd", CultureInfo.InvariantCulture)));
            }
        }
        var recorded = new List<SourceRecord>();
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT location, origin, kind, last_success, last_error_at, last_error_location, last_error FROM sources ORDER BY added_at, location";
            using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var location = reader.GetString(0);
                var (count, newest) = counts.GetValueOrDefault(location);
                SourceError? error = reader.IsDBNull(4) ? null : new SourceError(
                    DateTimeOffset.Parse(reader.GetString(4), CultureInfo.InvariantCulture),
                    reader.IsDBNull(5) ? location : reader.GetString(5),
                    reader.IsDBNull(6) ? "" : reader.GetString(6));
                recorded.Add(new SourceRecord(
                    location, reader.GetString(1), count, newest,
                    reader.IsDBNull(3) ? null : DateTimeOffset.Parse(reader.GetString(3), CultureInfo.InvariantCulture),
                    error)
                { Kind = reader.IsDBNull(2) ? null : reader.GetString(2), Outlets = outlets.GetValueOrDefault(location) ?? [] });
            }
        }

        return SourceListing.Arrange(recorded, configured, location =>
        {
            var (count, newest) = counts.GetValueOrDefault(location);
            return new SourceRecord(location, SourceOrigins.Config, count, newest, null, null) { Outlets = outlets.GetValueOrDefault(location) ?? [] };
        });
    }

    public async Task<bool> AddSourceAsync(string location, string? kind, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            INSERT INTO sources(location, origin, kind, added_at) VALUES($l, 'added', $k, $at)
            ON CONFLICT(location) DO UPDATE SET origin = 'added', kind = excluded.kind, added_at = excluded.added_at WHERE sources.origin <> 'added'
            """;
        cmd.Parameters.AddWithValue("$l", location);
        cmd.Parameters.AddWithValue("$k", (object?)kind ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        return await cmd.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async Task<bool> RemoveSourceAsync(string location, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        using var tx = connection.BeginTransaction();
        using (var check = SqliteDatabase.Command(tx, "SELECT count(*) FROM sources WHERE location = $l AND origin IN ('added', 'given')"))
        {
            check.Parameters.AddWithValue("$l", location);
            if (Convert.ToInt64(await check.ExecuteScalarAsync(cancellationToken)) == 0) return false;
        }
        long before = await SqliteFullTextRebuild.CountPassagesAsync(tx, cancellationToken);
        await SqliteArticleWriter.DeleteArticlesAsync(tx, "a.source = $s", p => p.AddWithValue("$s", location), cancellationToken);
        await SqliteFullTextRebuild.AfterChangingAsync(tx, before, passagesInserted: 0, cancellationToken);
        await SqliteArticleWriter.WriteVocabularyAsync(tx, cancellationToken);
        using (var cmd = SqliteDatabase.Command(tx, "DELETE FROM sources WHERE location = $l; UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation';"))
        {
            cmd.Parameters.AddWithValue("$l", location);
            await cmd.ExecuteNonQueryAsync(cancellationToken);
        }
        tx.Commit();
        return true;
    }
}
