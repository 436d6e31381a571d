using TalksBot.Core.Indexing;
using TalksBot.Testing;

namespace TalksBot.Index.Postgres.Tests;

/// <summary>The PostgreSQL index keeps the index contract, each test on a database of its own.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresArticleIndexContractTests(PostgresServer server) : ArticleIndexContract, IAsyncLifetime
{
    private TempPostgresIndex? _db;

    protected override IArticleIndex CreateIndex() => _db!.Index;

    public async Task InitializeAsync() => _db = await TempPostgresIndex.CreateAsync(server);

    public async Task DisposeAsync()
    {
        if (_db is not null) await _db.DisposeAsync();
    }
}
