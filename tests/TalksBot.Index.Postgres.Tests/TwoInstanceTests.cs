using TalksBot.Core.Articles;
using TalksBot.Core.Refresh;
using TalksBot.Testing;

namespace TalksBot.Index.Postgres.Tests;

/// <summary>Several instances on one database: what one commits, the others serve, their in-process caches included.</summary>
[Collection(PostgresCollection.Name)]
public class TwoInstanceTests(PostgresServer server) : IAsyncLifetime
{
    private TempPostgresIndex _db = null!;

    public async Task InitializeAsync() => _db = await TempPostgresIndex.CreateAsync(server);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task A_refresh_by_one_instance_reaches_the_vocabulary_and_vectors_another_holds_in_memory()
    {
        var reader = _db.OpenInstance();
        var embedder = new PassageEmbedder(new WordEmbedder(), "words-v1");
        var writer = new IndexRefresher(_db.Index, new PassageSplitter(), TimeProvider.System, embedder);
        var source = new InMemorySource("mem://a").Put("a", Articles.Make("Geneva", "Talks in Geneva."));
        await writer.RefreshAsync([source], null, default);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        // Once the reader has seen this generation it is listening: the next one can only reach it as a notification.
        await reader.WaitForGenerationAsync(await CurrentGenerationAsync(), timeout.Token);

        // The reader loads both caches for the current generation.
        Assert.False((await reader.GetVocabularyAsync(default)).ContainsKey("istanbul"));
        Assert.Single(await reader.SearchByVectorAsync(WordEmbedder.Axis("istanbul"), "words-v1", 10, default));

        source.Put("b", Articles.Make("Istanbul", "Talks in Istanbul."));
        await writer.RefreshAsync([source], null, default);
        long generation = await CurrentGenerationAsync();
        await reader.WaitForGenerationAsync(generation, timeout.Token);

        Assert.Equal(1, (await reader.GetVocabularyAsync(default))["istanbul"]);
        var nearest = await reader.SearchByVectorAsync(WordEmbedder.Axis("istanbul"), "words-v1", 1, default);
        Assert.Equal("Istanbul", Assert.Single(nearest).Article.Title);
    }

    [Fact]
    public async Task Disposing_an_instance_while_it_listens_stops_the_listener_and_closes_its_connection()
    {
        await _db.Refresher.RefreshAsync([new InMemorySource("mem://a").Put("a", Articles.Make("Geneva", "Talks in Geneva."))], null, default);
        long generation = await CurrentGenerationAsync();
        int before = await OtherConnectionsAsync();
        var reader = new PostgresArticleIndex(_db.ConnectionString);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await reader.WaitForGenerationAsync(generation, timeout.Token);
        Assert.Equal(before + 1, await OtherConnectionsAsync());

        // Bounded so that a listener which misses its stop fails this test instead of hanging the run.
        await reader.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));

        // The server ends the backend a moment after the client's Terminate: wait for it, not for a fixed time.
        while (await OtherConnectionsAsync() != before) await Task.Delay(50, timeout.Token);
    }

    /// <summary>Connections to this test's database other than the one asking.</summary>
    private async Task<int> OtherConnectionsAsync()
    {
        await using var connection = new Npgsql.NpgsqlConnection(_db.ConnectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()", connection);
        return Convert.ToInt32(await cmd.ExecuteScalarAsync());
    }

    private async Task<long> CurrentGenerationAsync()
    {
        await using var connection = new Npgsql.NpgsqlConnection(_db.ConnectionString);
        await connection.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand("SELECT generation FROM index_state", connection);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync());
    }

    /// <summary>One dimension per known word: a passage's vector points at the words it holds.</summary>
    private sealed class WordEmbedder : Microsoft.Extensions.AI.IEmbeddingGenerator<string, Microsoft.Extensions.AI.Embedding<float>>
    {
        private static readonly string[] Words = ["geneva", "istanbul"];

        public static float[] Axis(string word) => Words.Select(w => w == word ? 1f : 0.01f).ToArray();

        public Task<Microsoft.Extensions.AI.GeneratedEmbeddings<Microsoft.Extensions.AI.Embedding<float>>> GenerateAsync(
            IEnumerable<string> values, Microsoft.Extensions.AI.EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            var list = values.Select(v => new Microsoft.Extensions.AI.Embedding<float>(
                Words.Select(w => v.Contains(w, StringComparison.OrdinalIgnoreCase) ? 1f : 0.01f).ToArray())).ToList();
            return Task.FromResult(new Microsoft.Extensions.AI.GeneratedEmbeddings<Microsoft.Extensions.AI.Embedding<float>>(list));
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;
        public void Dispose() { }
    }
}
