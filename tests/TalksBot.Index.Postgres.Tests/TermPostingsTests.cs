using Npgsql;
using TalksBot.Core.Retrieval;
using TalksBot.Testing;

namespace TalksBot.Index.Postgres.Tests;

/// <summary>
/// The postings each instance holds for bm25: counted exactly as the stored tsvector counts (PostgreSQL itself is the
/// judge), and replaced when another instance's refresh commits.
/// </summary>
[Collection(PostgresCollection.Name)]
public class TermPostingsTests(PostgresServer server) : IAsyncLifetime
{
    private TempPostgresIndex _db = null!;

    public async Task InitializeAsync() => _db = await TempPostgresIndex.CreateAsync(server);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Term_frequencies_are_what_the_stored_tsvector_holds_past_256_repeats_and_position_16383()
    {
        // A short passage with an empty term; a term said 300 times (a tsvector keeps 256 positions); a passage of
        // 17,000 terms whose tail (every position past 16383 is stored as 16383) repeats terms seen before and after it.
        string[][] cases =
        [
            ["geneva", "", "talks", "geneva"],
            [.. Enumerable.Repeat("truce", 300), "geneva"],
            [.. Enumerable.Range(0, 17_000).Select(i => i % 3 == 0 ? "alpha" : i % 3 == 1 ? "beta" : "w" + i), "alpha", "omega", "omega"],
        ];
        await using var connection = new NpgsqlConnection(_db.ConnectionString);
        await connection.OpenAsync();
        var counted = new Dictionary<string, (int Kept, int Distinct)>(StringComparer.Ordinal);
        foreach (var terms in cases)
        {
            await using var cmd = new NpgsqlCommand("SELECT lexeme, cardinality(positions) FROM unnest(@v::tsvector)", connection);
            cmd.Parameters.AddWithValue("v", TextSearchLiterals.Vector(terms));
            var expected = new Dictionary<string, int>(StringComparer.Ordinal);
            await using (var reader = await cmd.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync()) expected[reader.GetString(0)] = reader.GetInt32(1);
            }

            TermPostings.Frequencies(string.Join(' ', terms), counted);

            Assert.Equal(expected.OrderBy(kv => kv.Key, StringComparer.Ordinal), counted.Select(kv => KeyValuePair.Create(kv.Key, kv.Value.Distinct)).OrderBy(kv => kv.Key, StringComparer.Ordinal));
        }
        // The cases reach the limits they are about.
        TermPostings.Frequencies(string.Join(' ', cases[1]), counted);
        Assert.Equal(256, counted["truce"].Distinct);
        TermPostings.Frequencies(string.Join(' ', cases[2]), counted);
        Assert.Equal(1, counted["omega"].Distinct);
    }

    [Fact]
    public async Task A_refresh_by_another_instance_replaces_the_postings_this_one_searches()
    {
        var reader = _db.OpenInstance();
        var source = new InMemorySource("mem://a").Put("a", Articles.Make("Geneva", "Talks in Geneva."));
        await _db.Refresher.RefreshAsync([source], null, default);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await reader.WaitForGenerationAsync(await CurrentGenerationAsync(), timeout.Token);
        Assert.Single(await reader.SearchAsync(Terms("Geneva"), 10, requireAll: false, default));
        Assert.Empty(await reader.SearchAsync(Terms("Istanbul"), 10, requireAll: false, default));

        // Another instance adds Istanbul and drops Geneva.
        source.Remove("a").Put("b", Articles.Make("Istanbul", "Talks in Istanbul."));
        await _db.Refresher.RefreshAsync([source], null, default);
        await reader.WaitForGenerationAsync(await CurrentGenerationAsync(), timeout.Token);

        Assert.Equal("Istanbul", Assert.Single(await reader.SearchAsync(Terms("Istanbul"), 10, requireAll: false, default)).Article.Title);
        Assert.Empty(await reader.SearchAsync(Terms("Geneva"), 10, requireAll: false, default));
        Assert.Equal(1, (await reader.GetTermStatisticsAsync(Terms("Istanbul"), default)).DocumentFrequency["istanbul"]);
        Assert.False((await reader.GetVocabularyAsync(default)).ContainsKey("geneva"));
    }

    private static IReadOnlyList<string> Terms(string question) => TextAnalyzer.Default.AnalyzeQuestion(question).Terms;

    private async Task<long> CurrentGenerationAsync()
    {
        await using var connection = new NpgsqlConnection(_db.ConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT generation FROM index_state", connection);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync());
    }
}
