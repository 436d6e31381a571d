using Npgsql;
using TalksBot.Core.Indexing;

namespace TalksBot.Index.Postgres;

/// <summary>The sources the index knows, with their article counts, outlets and how their last scan went.</summary>
internal static class PostgresSources
{
    /// <summary>
    /// Configured sources first (in configuration order), then moderator-added and once-given ones; with an empty list, every source
    /// the index has seen (oldest first, as the SQLite index lists them).
    /// </summary>
    public static async Task<IReadOnlyList<SourceRecord>> ReadAsync(NpgsqlConnection connection, IReadOnlyList<string> configured, CancellationToken cancellationToken)
    {
        await using var cmd = new NpgsqlCommand("""
            SELECT source, count(*), max(published) FROM articles GROUP BY source;
            SELECT source, outlet, count(*), max(published) FROM articles WHERE outlet <> '' GROUP BY source, outlet ORDER BY count(*) DESC, outlet;
            SELECT location, origin, kind, last_success, last_error_at, last_error_location, last_error FROM sources ORDER BY added_at NULLS FIRST, location;
            """, connection);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        var counts = new Dictionary<string, (int Count, DateOnly? Newest)>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[reader.GetString(0)] = ((int)reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetFieldValue<DateOnly>(2));
        }
        await reader.NextResultAsync(cancellationToken);
        var outlets = new Dictionary<string, List<(string, int, DateOnly?)>>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            var list = outlets.TryGetValue(reader.GetString(0), out var l) ? l : outlets[reader.GetString(0)] = [];
            list.Add((reader.GetString(1), (int)reader.GetInt64(2), reader.IsDBNull(3) ? null : reader.GetFieldValue<DateOnly>(3)));
        }
        await reader.NextResultAsync(cancellationToken);
        var recorded = new List<SourceRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var location = reader.GetString(0);
            var (count, newest) = counts.GetValueOrDefault(location);
            SourceError? error = reader.IsDBNull(4) ? null : new SourceError(
                reader.GetFieldValue<DateTimeOffset>(4),
                reader.IsDBNull(5) ? location : reader.GetString(5),
                reader.IsDBNull(6) ? "" : reader.GetString(6));
            recorded.Add(new SourceRecord(
                location, reader.GetString(1), count, newest,
                reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3),
                error)
            { Kind = reader.IsDBNull(2) ? null : reader.GetString(2), Outlets = outlets.GetValueOrDefault(location) ?? [] });
        }

        return SourceListing.Arrange(recorded, configured, location =>
        {
            var (count, newest) = counts.GetValueOrDefault(location);
            return new SourceRecord(location, SourceOrigins.Config, count, newest, null, null) { Outlets = outlets.GetValueOrDefault(location) ?? [] };
        });
    }
}
