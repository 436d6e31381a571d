using Microsoft.Data.Sqlite;
using TalksBot.Core.Indexing;

namespace TalksBot.Index.Sqlite;

/// <summary>
/// The index file every role shares (search, sources, storage and refreshes): where it is, how a connection is
/// opened, the schema migrated once before the first one, and which SQLite errors mean the file can't serve.
/// </summary>
internal sealed class SqliteDatabase
{
    private readonly string _connectionString;
    private readonly Lazy<bool> _migrated;

    public SqliteDatabase(string databasePath)
    {
        DatabasePath = Path.GetFullPath(databasePath);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        _migrated = new Lazy<bool>(Initialize, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string DatabasePath { get; }

    /// <summary>A connection to a migrated index (the first call creates and migrates the file).</summary>
    public SqliteConnection Open()
    {
        EnsureMigrated();
        return OpenRaw();
    }

    /// <summary>Creates and migrates the file once; a file that can't be an index throws <see cref="IndexUnavailableException"/>.</summary>
    public void EnsureMigrated() => _ = _migrated.Value;

    private SqliteConnection OpenRaw()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;";
            cmd.ExecuteNonQuery();
            return connection;
        }
        catch (SqliteException ex)
        {
            connection.Dispose();
            throw Unavailable(ex);
        }
    }

    /// <summary>
    /// SQLite errors that mean the file itself can't serve (damaged, not a database, unreadable, full), as opposed to a
    /// bug in a statement: these are the documented "index unavailable" (exit 4, HTTP 503), wherever they surface.
    /// </summary>
    public static bool IsDamage(SqliteException ex) => ex.SqliteErrorCode is 10 or 11 or 13 or 14 or 26;

    public IndexUnavailableException Unavailable(SqliteException ex) => ex.SqliteErrorCode switch
    {
        26 => new IndexUnavailableException($"{DatabasePath} is not a TalksBot index (the file is not an SQLite database).", ex),
        11 => new IndexUnavailableException($"The index at {DatabasePath} is damaged (SQLite: {ex.Message}).", ex),
        14 => new IndexUnavailableException($"The index at {DatabasePath} can't be opened (missing folder or no permission).", ex),
        _ => new IndexUnavailableException($"The index at {DatabasePath} can't be used: {ex.Message}", ex),
    };

    private bool Initialize()
    {
        var dir = Path.GetDirectoryName(DatabasePath);
        if (!string.IsNullOrEmpty(dir))
        {
            try
            {
                Directory.CreateDirectory(dir);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new IndexUnavailableException($"The folder for the index, {dir}, can't be created: {ex.Message}", ex);
            }
        }
        using var connection = OpenRaw();
        try
        {
            using (var cmd = connection.CreateCommand())
            {
                cmd.CommandText = "PRAGMA journal_mode = WAL;";
                cmd.ExecuteNonQuery();
            }
            SqliteSchema.Migrate(connection, DatabasePath);
        }
        catch (SqliteException ex)
        {
            throw Unavailable(ex);
        }
        return true;
    }

    public static async Task<long> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(cancellationToken) ?? 0L);
    }

    /// <summary>
    /// The index's generation, moved on by every commit and every source removal: what in-process caches are keyed
    /// by. Read inside <paramref name="transaction"/> when given, so it matches what the same snapshot reads next.
    /// </summary>
    public static long Generation(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = "SELECT value FROM meta WHERE key = 'generation'";
        return cmd.ExecuteScalar() is string s && long.TryParse(s, out var g) ? g : 0;
    }

    /// <summary>A command inside a write transaction (a refresh's, or a source removal's).</summary>
    public static SqliteCommand Command(SqliteTransaction transaction, string sql)
    {
        var cmd = transaction.Connection!.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = sql;
        return cmd;
    }
}
