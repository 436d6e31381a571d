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
    private readonly string _connectionString;
    private readonly Lazy<bool> _created;
    private readonly ILogger? _logger;

    public SqliteStateStore(string databasePath, ILogger<SqliteStateStore>? logger = null)
    {
        _logger = logger;
        Path = System.IO.Path.GetFullPath(databasePath);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = true, DefaultTimeout = 10 }.ToString();
        // Not caching a failure: a file that can't be opened now (a full disk, permissions) may be fixed while running.
        _created = new Lazy<bool>(Create, LazyThreadSafetyMode.PublicationOnly);
    }

    public string Path { get; }

    /// <summary>The state file that goes with an index file.</summary>
    public static string PathFor(string indexPath) => System.IO.Path.ChangeExtension(indexPath, null) + ".state.db";

    private bool Create()
    {
        var dir = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        StateFile.Prepare(Path, _connectionString, "PRAGMA journal_mode = WAL; CREATE TABLE IF NOT EXISTS state(key TEXT PRIMARY KEY, value TEXT NOT NULL);", _logger);
        return true;
    }

    private SqliteConnection Open()
    {
        _ = _created.Value;
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

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
