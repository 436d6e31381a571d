using Npgsql;
using TalksBot.Core.Articles;
using TalksBot.Core.Indexing;
using TalksBot.Core.Refresh;
using TalksBot.Core.Sources;
using TalksBot.Testing;

namespace TalksBot.Index.Postgres.Tests;

[Collection(PostgresCollection.Name)]
public class PostgresIndexTests(PostgresServer server) : IAsyncLifetime
{
    private TempPostgresIndex _db = null!;

    public async Task InitializeAsync() => _db = await TempPostgresIndex.CreateAsync(server);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Any_spelling_of_a_name_finds_every_other()
    {
        var source = new InMemorySource("mem://a")
            .Put("a", Articles.Make("Kiev visit", "President Zelenskiy met envoys in Kiev to discuss the Donbass front line and a possible ceasefire."));
        await _db.Refresher.RefreshAsync([source], null, default);
        foreach (var q in new[] { "Zelensky's", "Zelenskyy", "Kyiv", "Donbas" })
        {
            var hits = await _db.Index.SearchAsync(Core.Retrieval.TextAnalyzer.Default.AnalyzeQuestion(q).Terms, 5, false, default);
            Assert.Single(hits);
        }
    }

    [Fact]
    public async Task All_terms_or_any_term_and_the_limit_are_honoured()
    {
        var source = new InMemorySource("mem://a")
            .Put("a", Articles.Make("One", "Lavrov spoke about Geneva."))
            .Put("b", Articles.Make("Two", "Lavrov spoke again, this time about Istanbul."))
            .Put("c", Articles.Make("Three", "Geneva hosted the round."));
        await _db.Refresher.RefreshAsync([source], null, default);
        Assert.Equal(3, (await _db.Index.SearchAsync(["lavrov", "geneva"], 10, requireAll: false, default)).Count);
        Assert.Equal("One", Assert.Single(await _db.Index.SearchAsync(["lavrov", "geneva"], 10, requireAll: true, default)).Article.Title);
        Assert.Equal(2, (await _db.Index.SearchAsync(["lavrov", "geneva"], 2, requireAll: false, default)).Count);
        // The passage holding both terms ranks first, and scores are higher-is-better.
        var hits = await _db.Index.SearchAsync(["lavrov", "geneva"], 10, requireAll: false, default);
        Assert.Equal("One", hits[0].Article.Title);
        Assert.True(hits[0].Score > hits[1].Score && hits[1].Score > 0);
    }

    [Fact]
    public async Task Term_statistics_and_vocabulary_count_passages_per_term_and_follow_removals()
    {
        var source = new InMemorySource("mem://a")
            .Put("a", Articles.Make("One", "Lavrov spoke about Geneva."))
            .Put("b", Articles.Make("Two", "Lavrov spoke again, this time about Istanbul."));
        await _db.Refresher.RefreshAsync([source], null, default);
        var stats = await _db.Index.GetTermStatisticsAsync(["lavrov", "geneva", "mongolia"], default);
        Assert.Equal(2, stats.TotalPassages);
        Assert.Equal(2, stats.DocumentFrequency["lavrov"]);
        Assert.Equal(1, stats.DocumentFrequency["geneva"]);
        Assert.False(stats.DocumentFrequency.ContainsKey("mongolia"));
        Assert.Equal(1, (await _db.Index.GetVocabularyAsync(default))["istanbul"]);

        source.Remove("b");
        await _db.Refresher.RefreshAsync([source], null, default);
        var vocabulary = await _db.Index.GetVocabularyAsync(default);
        Assert.False(vocabulary.ContainsKey("istanbul"));
        Assert.Equal(1, vocabulary["lavrov"]);
        Assert.Equal(1, (await _db.Index.GetTermStatisticsAsync(["lavrov"], default)).TotalPassages);
    }

    [Fact]
    public async Task Adjacent_passages_are_the_ones_before_and_after_in_the_same_article()
    {
        var source = new InMemorySource("mem://a").Put("a", Articles.Make("Long", Articles.Body("the Geneva round", 60)));
        await _db.Refresher.RefreshAsync([source], null, default);
        var all = await _db.Index.SearchAsync(["geneva"], 100, false, default);
        Assert.True(all.Count >= 3, $"expected several passages, got {all.Count}");
        var middle = all.OrderBy(h => h.Position).ElementAt(1);
        var adjacent = await _db.Index.GetAdjacentPassagesAsync([middle.PassageId], default);
        Assert.Equal([middle.Position - 1, middle.Position + 1], adjacent.Select(h => h.Position).Order());
    }

    [Fact]
    public async Task Refresh_is_incremental_unchanged_skipped_changed_replaced_vanished_removed()
    {
        var source = new InMemorySource("mem://a")
            .Put("one", Articles.Make("Lavrov offer", Articles.Body("Lavrov offering talks")))
            .Put("two", Articles.Make("Energy truce", Articles.Body("the energy truce")))
            .Put("three", Articles.Make("Prisoner swap", Articles.Body("a prisoner swap")));
        var first = await _db.Refresher.RefreshAsync([source], null, default);
        Assert.Equal((3, 0, 0, 0), (first.Added, first.Updated, first.Removed, first.Unchanged));

        source.Put("two", Articles.Make("Energy truce", Articles.Body("the energy truce collapsing")));
        source.Remove("three");
        var second = await _db.Refresher.RefreshAsync([source], null, default);
        Assert.Equal((0, 1, 1, 1), (second.Added, second.Updated, second.Removed, second.Unchanged));

        var status = await _db.Index.GetStatusAsync(default);
        Assert.Equal(2, status.Articles);
        Assert.Empty(await _db.Index.SearchAsync(["swap"], 10, false, default));
        Assert.NotEmpty(await _db.Index.SearchAsync(["collaps"], 10, false, default));
        Assert.StartsWith("postgresql://127.0.0.1:", status.DatabasePath);
        Assert.True(status.DatabaseBytes > 0);
    }

    [Fact]
    public async Task Refresh_that_fails_midway_leaves_the_previous_index_serving_intact()
    {
        var source = new InMemorySource("mem://a").Put("one", Articles.Make("Lavrov offer", Articles.Body("Lavrov offering talks")));
        await _db.Refresher.RefreshAsync([source], null, default);
        var before = await _db.Index.GetStatusAsync(default);
        var vocabularyBefore = await _db.Index.GetVocabularyAsync(default);

        source.Put("two", Articles.Make("New", Articles.Body("Geneva")));
        source.Put("three", Articles.Make("Newer", Articles.Body("Istanbul")));
        source.Remove("one");
        source.BeforeItem = i => { if (i == 1) throw new InvalidOperationException("disk full"); };
        await Assert.ThrowsAsync<InvalidOperationException>(() => _db.Refresher.RefreshAsync([source], null, default));

        var after = await _db.Index.GetStatusAsync(default);
        Assert.Equal(before.Articles, after.Articles);
        Assert.Equal(before.Passages, after.Passages);
        Assert.Equal(before.LastRefresh, after.LastRefresh);
        Assert.NotEmpty(await _db.Index.SearchAsync(["lavrov"], 10, false, default));
        Assert.Empty(await _db.Index.SearchAsync(["geneva"], 10, false, default));
        Assert.Equal(vocabularyBefore, await _db.Index.GetVocabularyAsync(default));

        // The lock went with the failed session's transaction: the next refresh runs.
        source.BeforeItem = null;
        var report = await _db.Refresher.RefreshAsync([source], null, default);
        Assert.Equal(2, report.Added);
    }

    [Fact]
    public async Task A_source_that_cannot_be_read_keeps_its_articles_and_records_the_error()
    {
        var source = new InMemorySource("mem://feed").Put("one", Articles.Make("Lavrov offer", Articles.Body("Lavrov")));
        await _db.Refresher.RefreshAsync([source], null, default);
        source.UnavailableReason = "connection refused";
        var report = await _db.Refresher.RefreshAsync([source], null, default);
        Assert.Equal(0, report.Removed);
        var status = await _db.Index.GetStatusAsync(default);
        Assert.Equal(1, status.Articles);
        var record = Assert.Single(status.Sources);
        Assert.Equal("connection refused", record.LastError?.Reason);
        Assert.NotNull(record.LastSuccess);
        Assert.Contains(status.LastRefreshErrors, e => e.Location == "mem://feed");
    }

    [Fact]
    public async Task The_same_article_reached_twice_is_stored_once()
    {
        var body = Articles.Body("the Abu Dhabi round");
        var a = new InMemorySource("mem://a").Put("a1", Articles.Make("Abu Dhabi", body, url: "https://news.example/abu-dhabi"));
        var b = new InMemorySource("mem://b")
            .Put("b1", Articles.Make("Abu Dhabi (copy)", Articles.Body("something else entirely"), url: "https://news.example/abu-dhabi"))
            .Put("b2", Articles.Make("Same body, other URL", body.ToUpperInvariant().Replace(".", " ."), url: "https://mirror.example/x"));
        var report = await _db.Refresher.RefreshAsync([a, b], null, default);
        Assert.Equal(1, report.Added);
        Assert.Equal(2, report.Duplicates);
        Assert.All(report.Skipped, s => Assert.Contains("same article as a1", s.Reason));
        Assert.Equal(1, (await _db.Index.GetStatusAsync(default)).Articles);
    }

    [Fact]
    public async Task Two_instances_never_refresh_at_once_and_the_lock_goes_with_the_session()
    {
        var other = _db.OpenInstance();
        await using (var first = await _db.Index.BeginRefreshAsync(default))
        {
            var ex = await Assert.ThrowsAsync<RefreshInProgressException>(() => other.BeginRefreshAsync(default));
            Assert.Contains("Another refresh", ex.Message);
        }
        await using var second = await other.BeginRefreshAsync(default);
    }

    [Fact]
    public async Task Moderator_sources_are_added_once_listed_and_removed_with_their_articles()
    {
        Assert.True(await _db.Index.AddSourceAsync("mem://added", "feed", default));
        Assert.False(await _db.Index.AddSourceAsync("mem://added", "feed", default));
        var added = new InMemorySource("mem://added").Put("x", Articles.Make("Added", Articles.Body("Istanbul")));
        var config = new InMemorySource("mem://config").Put("y", Articles.Make("Configured", Articles.Body("Geneva")));
        await _db.Refresher.RefreshAsync([config, added], null, default, allSources: true);

        var sources = await _db.Index.GetSourcesAsync(["mem://config"], default);
        Assert.Equal(["mem://config", "mem://added"], sources.Select(s => s.Location));
        Assert.Equal(["config", "added"], sources.Select(s => s.Origin));
        Assert.Equal("feed", sources[1].Kind);
        Assert.Equal(1, sources[1].Articles);
        Assert.Equal("Test Wire", Assert.Single(sources[1].Outlets).Outlet);

        Assert.False(await _db.Index.RemoveSourceAsync("mem://config", default));
        Assert.True(await _db.Index.RemoveSourceAsync("mem://added", default));
        Assert.Empty(await _db.Index.SearchAsync(["istanbul"], 10, false, default));
        Assert.False((await _db.Index.GetVocabularyAsync(default)).ContainsKey("istanbul"));
        Assert.Equal(1, (await _db.Index.GetStatusAsync(default)).Articles);
    }

    [Fact]
    public async Task A_full_refresh_drops_articles_of_sources_no_longer_configured()
    {
        var a = new InMemorySource("mem://a").Put("a1", Articles.Make("A", Articles.Body("Geneva")));
        var b = new InMemorySource("mem://b").Put("b1", Articles.Make("B", Articles.Body("Istanbul")));
        await _db.Refresher.RefreshAsync([a, b], null, default, allSources: true);
        var report = await _db.Refresher.RefreshAsync([a], null, default, allSources: true);
        Assert.Equal(1, report.Removed);
        Assert.Empty(await _db.Index.SearchAsync(["istanbul"], 10, false, default));
    }

    [Fact]
    public async Task Vectors_are_stored_per_model_and_searched_by_cosine_similarity()
    {
        var source = new InMemorySource("mem://a")
            .Put("a", Articles.Make("North", "Passage about the north."))
            .Put("b", Articles.Make("East", "Passage about the east."));
        var fake = new AxisEmbedder();
        var refresher = new IndexRefresher(_db.Index, new PassageSplitter(), TimeProvider.System, new PassageEmbedder(fake, "axis-v1"));
        Assert.Equal(2, (await refresher.RefreshAsync([source], null, default)).Embedded);
        Assert.Equal(0, (await refresher.RefreshAsync([source], null, default)).Embedded);
        Assert.Equal(1, fake.Calls);

        var hits = await _db.Index.SearchByVectorAsync(new float[] { 0.1f, 1f }, "axis-v1", 1, default);
        Assert.Equal("East", Assert.Single(hits).Article.Title);
        Assert.True(hits[0].Score > 0.9);
        Assert.Empty(await _db.Index.SearchByVectorAsync(new float[] { 0.1f, 1f }, "other-model", 1, default));
        var status = await _db.Index.GetStatusAsync(default);
        Assert.Equal(("axis-v1", 2), (status.EmbeddingModel, status.EmbeddedPassages));

        // A new model re-embeds everything.
        var switched = new IndexRefresher(_db.Index, new PassageSplitter(), TimeProvider.System, new PassageEmbedder(fake, "axis-v2"));
        Assert.Equal(2, (await switched.RefreshAsync([source], null, default)).Embedded);
    }

    [Fact]
    public async Task An_index_from_a_newer_version_is_refused_with_a_clear_message()
    {
        await _db.Index.GetStatusAsync(default);
        await using (var connection = new NpgsqlConnection(_db.ConnectionString))
        {
            await connection.OpenAsync();
            await using var cmd = new NpgsqlCommand("UPDATE schema_version SET version = 99", connection);
            await cmd.ExecuteNonQueryAsync();
        }
        var fresh = _db.OpenInstance();
        var ex = await Assert.ThrowsAsync<IndexUnavailableException>(() => fresh.GetStatusAsync(default));
        Assert.Contains("schema version 99", ex.Message);
    }

    [Fact]
    public async Task Instances_starting_together_migrate_once()
    {
        var instances = Enumerable.Range(0, 4).Select(_ => _db.OpenInstance()).ToList();
        var statuses = await Task.WhenAll(instances.Select(i => i.GetStatusAsync(default)));
        Assert.All(statuses, s => Assert.Equal(0, s.Articles));
        await using var connection = new NpgsqlConnection(_db.ConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT count(*), max(version) FROM schema_version", connection);
        await using var reader = await cmd.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.Equal((1L, PostgresSchema.CurrentVersion), (reader.GetInt64(0), reader.GetInt32(1)));
    }

    [Fact]
    public async Task An_unreachable_database_is_index_unavailable_without_the_password()
    {
        var builder = new NpgsqlConnectionStringBuilder(_db.ConnectionString) { Database = "no_such_database", Password = "hunter2-secret" };
        await using var missing = new PostgresArticleIndex(builder.ConnectionString);
        var ex = await Assert.ThrowsAsync<IndexUnavailableException>(() => missing.GetStatusAsync(default));
        Assert.Contains("postgresql://127.0.0.1:", ex.Message);
        Assert.Contains("no_such_database", ex.Message);
        Assert.DoesNotContain("hunter2", ex.Message);
    }

    private sealed class AxisEmbedder : Microsoft.Extensions.AI.IEmbeddingGenerator<string, Microsoft.Extensions.AI.Embedding<float>>
    {
        public int Calls { get; private set; }

        public Task<Microsoft.Extensions.AI.GeneratedEmbeddings<Microsoft.Extensions.AI.Embedding<float>>> GenerateAsync(
            IEnumerable<string> values, Microsoft.Extensions.AI.EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            Calls++;
            var list = values.Select(v => new Microsoft.Extensions.AI.Embedding<float>(v.Contains("east") ? new float[] { 0f, 1f } : new float[] { 1f, 0f })).ToList();
            return Task.FromResult(new Microsoft.Extensions.AI.GeneratedEmbeddings<Microsoft.Extensions.AI.Embedding<float>>(list));
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;
        public void Dispose() { }
    }
}
