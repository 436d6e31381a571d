using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using TalksBot.Core.Indexing;

namespace TalksBot.Index.Sqlite;

/// <summary>
/// Small durable state (Telegram offset, HTTP validators) in a sidecar SQLite file beside the index, so writing it
/// never waits for a long refresh transaction on the index itself. A damaged file is moved aside and started afresh
/// (see <see cref="StateFile"/>).
/// </summary>
public sealed class SqliteStateStore : IStateStore
{
    private const string Schema = "PRAGMA journal_mode = WAL; CREATE TABLE IF NOT EXISTS state(key TEXT PRIMARY KEY, value TEXT NOT NULL);";

    private readonly StateFileConnections _file;

    public SqliteStateStore(string databasePath, ILogger<SqliteStateStore>? logger = null)
    {
        _file = new StateFileConnections(databasePath, Schema, logger);
    }

    public string Path => _file.Path;

    /// <summary>The state file that goes with an index file.</summary>
    public static string PathFor(string indexPath) => System.IO.Path.ChangeExtension(indexPath, null) + ".state.db";

    private SqliteConnection Open() => _file.Open();

    public async Task<string?> GetAsync(string key, CancellationToken cancellationToken)
    {
        using var connection = Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT value FROM state WHERE key = $k";
        cmd.Parameters.AddWithValue("$k", key);
        return await cmd.ExecuteScalarAsync(cancellationToken) as string;
    }

    public async Task SetAsync(string key, string? value, CancellationToken cancellationToken)
    {
        using var connection = Open();
        using var cmd = connection.CreateCommand();
        if (value is null)
        {
            cmd.CommandText = "DELETE FROM state WHERE key = $k";
        }
        else
        {
            cmd.CommandText = "INSERT INTO state(key, value) VALUES($k, $v) ON CONFLICT(key) DO UPDATE SET value = excluded.value";
            cmd.Parameters.AddWithValue("$v", value);
        }
        cmd.Parameters.AddWithValue("$k", key);
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }
}
