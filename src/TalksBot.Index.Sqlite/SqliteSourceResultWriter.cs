using System.Globalization;
using Microsoft.Data.Sqlite;
using TalksBot.Core.Indexing;

namespace TalksBot.Index.Sqlite;

/// <summary>Source records inside a refresh's transaction: every source's origin, how each scan went, and dropping a vanished one's record.</summary>
internal sealed class SqliteSourceResultWriter(SqliteTransaction transaction)
{
    private SqliteCommand Command(string sql) => SqliteDatabase.Command(transaction, sql);

    public async Task<IReadOnlyDictionary<string, string>> GetSourceOriginsAsync(CancellationToken cancellationToken)
    {
        var origins = new Dictionary<string, string>(StringComparer.Ordinal);
        using var cmd = Command("""
            SELECT location, origin FROM sources
            UNION ALL
            SELECT DISTINCT source, 'config' FROM articles WHERE source NOT IN (SELECT location FROM sources)
            """);
        using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) origins[reader.GetString(0)] = reader.GetString(1);
        return origins;
    }

    /// <summary>Drops a source's record once its articles are gone, unless a moderator added it (then it stays listed).</summary>
    public async Task ForgetUnlessAddedAsync(string sourceLocation, CancellationToken cancellationToken)
    {
        using var cmd = Command("DELETE FROM sources WHERE location = $s AND origin <> 'added'");
        cmd.Parameters.AddWithValue("$s", sourceLocation);
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task RecordSourceResultAsync(SourceScanResult result, CancellationToken cancellationToken)
    {
        var (sourceLocation, at, errors, succeeded, origin) = result;
        var error = errors.Count > 0 ? errors[^1] : null;
        using var cmd = Command("""
            INSERT INTO sources(location, origin, added_at) VALUES($l, $origin, $at)
                ON CONFLICT(location) DO UPDATE SET origin = 'config' WHERE sources.origin = 'given' AND excluded.origin = 'config';
            UPDATE sources SET
                last_success = CASE WHEN $ok THEN $at ELSE last_success END,
                last_error_at = CASE WHEN $err IS NULL THEN (CASE WHEN $ok THEN NULL ELSE last_error_at END) ELSE $at END,
                last_error_location = CASE WHEN $err IS NULL THEN (CASE WHEN $ok THEN NULL ELSE last_error_location END) ELSE $errloc END,
                last_error = CASE WHEN $err IS NULL THEN (CASE WHEN $ok THEN NULL ELSE last_error END) ELSE $err END
            WHERE location = $l;
            """);
        cmd.Parameters.AddWithValue("$l", sourceLocation);
        cmd.Parameters.AddWithValue("$origin", origin);
        cmd.Parameters.AddWithValue("$at", at.ToString("O", CultureInfo.InvariantCulture));
        cmd.Parameters.AddWithValue("$ok", succeeded);
        cmd.Parameters.AddWithValue("$err", (object?)error?.Reason ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$errloc", (object?)error?.Location ?? DBNull.Value);
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }
}
