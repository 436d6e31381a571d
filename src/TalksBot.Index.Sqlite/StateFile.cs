using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace TalksBot.Index.Sqlite;

/// <summary>
/// Readies the state file beside the index (Telegram's inbox and record of answered updates, HTTP validators,
/// feedback) for a store: checked and given the store's tables. A file that is not an SQLite database, or is damaged,
/// is moved aside as <c>&lt;name&gt;.corrupt-&lt;timestamp&gt;</c> (with its -wal and -shm) with one log line, and a
/// fresh one started: losing that state costs at most a repeated answer or a refetch, while keeping the file would
/// stop Telegram for good. The index itself is never touched here.
/// </summary>
internal static class StateFile
{
    private static readonly ConcurrentDictionary<string, object> Locks = new(StringComparer.Ordinal);

    public static void Prepare(string path, string connectionString, string schema, ILogger? logger)
    {
        lock (Locks.GetOrAdd(path, _ => new object()))
        {
            try
            {
                Apply(connectionString, schema);
                return;
            }
            catch (SqliteException ex) when (ex.SqliteErrorCode is 11 or 26) // SQLITE_CORRUPT, SQLITE_NOTADB
            {
                var aside = MoveAside(path);
                logger?.LogStateFileMovedAside(path, ex.Message, aside);
            }
            Apply(connectionString, schema);
        }
    }

    private static void Apply(string connectionString, string schema)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using (var check = connection.CreateCommand())
        {
            // A valid header over damaged pages opens fine; quick_check finds it now rather than in the middle of an answer.
            check.CommandText = "PRAGMA quick_check";
            if (check.ExecuteScalar() is string result && result != "ok") throw new SqliteException($"database disk image is malformed ({result})", 11);
        }
        using var cmd = connection.CreateCommand();
        cmd.CommandText = schema;
        cmd.ExecuteNonQuery();
    }

    private static string MoveAside(string path)
    {
        // Pooled connections still point at the old file: they must not write into it once it has moved.
        SqliteConnection.ClearAllPools();
        var stamp = DateTimeOffset.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var aside = $"{path}.corrupt-{stamp}";
        for (int n = 2; File.Exists(aside); n++) aside = $"{path}.corrupt-{stamp}-{n}";
        File.Move(path, aside);
        foreach (var suffix in new[] { "-wal", "-shm" })
        {
            if (File.Exists(path + suffix)) File.Move(path + suffix, aside + suffix);
        }
        return aside;
    }
}
