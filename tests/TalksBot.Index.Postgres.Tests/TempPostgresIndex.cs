using TalksBot.Core.Articles;
using TalksBot.Core.Refresh;
using TalksBot.Core.Retrieval;
using TalksBot.Testing;

namespace TalksBot.Index.Postgres.Tests;

/// <summary>A PostgreSQL index on a fresh database of the shared test cluster; more instances can open the same database.</summary>
public sealed class TempPostgresIndex : IAsyncDisposable
{
    private readonly List<PostgresArticleIndex> _instances = [];

    private TempPostgresIndex(string connectionString)
    {
        ConnectionString = connectionString;
        Index = OpenInstance();
        Refresher = new IndexRefresher(Index, new PassageSplitter(), TimeProvider.System);
    }

    public static async Task<TempPostgresIndex> CreateAsync(PostgresServer server) => new(await server.CreateDatabaseAsync());

    public string ConnectionString { get; }

    public PostgresArticleIndex Index { get; }

    public IndexRefresher Refresher { get; }

    /// <summary>Another instance on the same database, as a second process would open it; disposed with this one.</summary>
    public PostgresArticleIndex OpenInstance()
    {
        var index = new PostgresArticleIndex(ConnectionString);
        _instances.Add(index);
        return index;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var index in _instances) await index.DisposeAsync();
    }
}
