using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace TalksBot.Index.Sqlite;

/// <summary>
/// One store's way into the state file beside the index: its path, its connections, and its tables made before the
/// first one (the file checked, and moved aside if damaged: <see cref="StateFile"/>).
/// </summary>
internal sealed class StateFileConnections
{
    private readonly string _connectionString;
    private readonly Lazy<bool> _prepared;

    public StateFileConnections(string databasePath, string schema, ILogger? logger, bool foreignKeys = false)
    {
        Path = System.IO.Path.GetFullPath(databasePath);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 10,
            ForeignKeys = foreignKeys ? true : null,
        }.ToString();
        // Not caching a failure: a file that can't be opened now (a full disk, permissions) may be fixed while running.
        _prepared = new Lazy<bool>(() =>
        {
            var dir = System.IO.Path.GetDirectoryName(Path);
            if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
            // Whichever store meets a damaged file first moves it aside and starts afresh.
            StateFile.Prepare(Path, _connectionString, schema, logger);
            return true;
        }, LazyThreadSafetyMode.PublicationOnly);
    }

    public string Path { get; }

    public SqliteConnection Open()
    {
        _ = _prepared.Value;
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    /// <summary>A moment as the state file stores it: UTC, sortable as text.</summary>
    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
