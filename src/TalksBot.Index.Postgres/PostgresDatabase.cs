using Microsoft.Extensions.Logging;
using Npgsql;
using TalksBot.Core.Indexing;

namespace TalksBot.Index.Postgres;

/// <summary>
/// One PostgreSQL database shared by the index and the state stores: its connection pool, its schema (migrated on
/// first use) and the one way its errors reach users ("index unavailable", with where, never the credentials).
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    private readonly SemaphoreSlim _migration = new(1, 1);
    private volatile bool _migrated;
    private int _disposed;

    public PostgresDatabase(string connectionString)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException ex)
        {
            throw new IndexUnavailableException($"ConnectionStrings:TalksBot is not a valid PostgreSQL connection string: {ex.Message}", ex);
        }
        Location = $"postgresql://{builder.Host}{(builder.Port != 5432 ? ":" + builder.Port : "")}/{builder.Database}";
        // Every statement here is a short lookup: JIT compiling one costs far more than running it (hundreds of ms
        // against a few), and a fresh index's missing statistics make the planner's estimates big enough to trigger it.
        if (string.IsNullOrEmpty(builder.Options) || !builder.Options.Contains("jit", StringComparison.Ordinal)) builder.Options = (builder.Options + " -c jit=off").Trim();
        // The same few statements run for every question and every stored article: prepared once per connection, the
        // server parses and plans them once instead of on every call (unless the connection string says otherwise).
        if (builder.MaxAutoPrepare == 0) builder.MaxAutoPrepare = 32;
        DataSource = new NpgsqlDataSourceBuilder(builder.ConnectionString) { Name = "talksbot" }.Build();
    }

    /// <summary>The database, as postgresql://host[:port]/database (never the credentials).</summary>
    public string Location { get; }

    internal NpgsqlDataSource DataSource { get; }

    /// <summary>A connection to a database at the current schema.</summary>
    internal async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (!_migrated)
            {
                await _migration.WaitAsync(cancellationToken);
                try
                {
                    if (!_migrated)
                    {
                        await PostgresSchema.MigrateAsync(DataSource, Location, cancellationToken);
                        _migrated = true;
                    }
                }
                finally
                {
                    _migration.Release();
                }
            }
            return await DataSource.OpenConnectionAsync(cancellationToken);
        }
        catch (NpgsqlException ex) when (IsUnavailable(ex))
        {
            throw Unavailable(ex);
        }
    }

    /// <summary>
    /// Errors that mean the database can't serve (unreachable, refused, no such database, no permission, shutting
    /// down, out of resources), as opposed to a bug in a statement: the documented "index unavailable" (exit 4, 503).
    /// </summary>
    internal static bool IsUnavailable(NpgsqlException ex) => ex is not PostgresException pg
        || pg.SqlState.StartsWith("08", StringComparison.Ordinal) // connection exception
        || pg.SqlState.StartsWith("28", StringComparison.Ordinal) // invalid authorization
        || pg.SqlState.StartsWith("53", StringComparison.Ordinal) // insufficient resources
        || pg.SqlState.StartsWith("57P", StringComparison.Ordinal) // shutting down, cannot connect now
        || pg.SqlState is "3D000" or "42501"; // no such database; insufficient privilege

    internal IndexUnavailableException Unavailable(NpgsqlException ex) => ex is PostgresException pg
        ? new IndexUnavailableException($"The index at {Location} can't be used: {pg.MessageText} (SQLSTATE {pg.SqlState}).", ex)
        : new IndexUnavailableException($"The index at {Location} can't be reached: {ex.Message}", ex);

    /// <summary>Runs a call, turning "the database can't serve" into <see cref="IndexUnavailableException"/>.</summary>
    internal async Task<T> GuardAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (NpgsqlException ex) when (IsUnavailable(ex))
        {
            throw Unavailable(ex);
        }
    }

    internal Task GuardAsync(Func<Task> call) => GuardAsync(async () =>
    {
        await call();
        return true;
    });

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        await DataSource.DisposeAsync();
        _migration.Dispose();
    }
}
