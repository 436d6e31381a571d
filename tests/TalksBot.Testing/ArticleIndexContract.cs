using Microsoft.Extensions.AI;
using TalksBot.Core.Articles;
using TalksBot.Core.Indexing;
using TalksBot.Core.Refresh;
using TalksBot.Core.Retrieval;
using TalksBot.Core.Sources;
using Xunit;

namespace TalksBot.Testing;

/// <summary>
/// What every index implementation promises, driven the way TalksBot drives it: through Core's refresher for writes
/// and the role interfaces for reads. An implementation's test class derives from this and creates a fresh, empty
/// index in <see cref="CreateIndex"/>.
/// </summary>
public abstract class ArticleIndexContract
{
    private IArticleIndex? _index;

    protected abstract IArticleIndex CreateIndex();

    protected IArticleIndex Index => _index ??= CreateIndex();

    private IndexRefresher Refresher(PassageEmbedder? embedder = null) => new(Index, new PassageSplitter(), TimeProvider.System, embedder);

    private static ArticleDocument Make(string title, string body, string? url = null, string outlet = "Test Wire", DateOnly? published = null) =>
        new(title, outlet, published ?? new DateOnly(2026, 1, 20), url, body);

    /// <summary>A body of one passage about a topic, long enough to be a passage on its own.</summary>
    private static string About(string topic, int sentences = 6) =>
        string.Join(' ', Enumerable.Range(1, sentences).Select(i => $"Sentence {i} of this report covers {topic} for the readers."));

    private static List<string> Terms(string text) => TextAnalyzer.Default.Terms(text);

    private async Task<IReadOnlyList<PassageHit>> FindAsync(string words, bool requireAll = false) =>
        await Index.SearchAsync(Terms(words), 20, requireAll, default);

    [Fact]
    public async Task Refresh_adds_articles_whose_passages_are_found_with_their_article()
    {
        var source = new InMemorySource("mem://a")
            .Put("one", Make("Lavrov offer", About("an offer of talks in Geneva"), url: "https://example.org/one", outlet: "Reuters"))
            .Put("two", Make("Energy truce", About("the energy truce")));

        var report = await Refresher().RefreshAsync([source], null, default);

        Assert.Equal((2, 0, 0, 0), (report.Added, report.Updated, report.Removed, report.Unchanged));
        var hit = Assert.Single(await FindAsync("Geneva"));
        Assert.Equal(("Lavrov offer", "Reuters", "https://example.org/one", "one"), (hit.Article.Title, hit.Article.Outlet, hit.Article.Url, hit.Article.Origin));
        Assert.Equal(new DateOnly(2026, 1, 20), hit.Article.Published);
        Assert.Contains("Geneva", hit.Text);
        Assert.True(hit.Score > 0);
        // Title words are searchable in every passage of the article.
        Assert.Single(await FindAsync("truce"));
        Assert.Single(await FindAsync("Lavrov"));
    }

    [Fact]
    public async Task Changed_article_is_replaced_and_its_old_words_are_gone()
    {
        var source = new InMemorySource("mem://a").Put("one", Make("Talks", About("a meeting in Geneva")));
        await Refresher().RefreshAsync([source], null, default);

        source.Put("one", Make("Talks", About("a meeting in Istanbul")));
        var report = await Refresher().RefreshAsync([source], null, default);

        Assert.Equal((0, 1, 0), (report.Added, report.Updated, report.Unchanged));
        Assert.Empty(await FindAsync("Geneva"));
        Assert.Single(await FindAsync("Istanbul"));
        Assert.Equal(1, (await Index.GetStatusAsync(default)).Articles);
    }

    [Fact]
    public async Task Vanished_article_is_removed_when_its_source_is_rescanned()
    {
        var source = new InMemorySource("mem://a")
            .Put("one", Make("Swap", About("a prisoner swap")))
            .Put("two", Make("Truce", About("the energy truce")));
        await Refresher().RefreshAsync([source], null, default);

        source.Remove("one");
        var report = await Refresher().RefreshAsync([source], null, default);

        Assert.Equal((1, 1), (report.Removed, report.Unchanged));
        Assert.Empty(await FindAsync("swap"));
        Assert.Equal(1, (await Index.GetStatusAsync(default)).Articles);
    }

    [Fact]
    public async Task Unchanged_article_is_left_as_it_was_and_not_embedded_again()
    {
        var embeddings = new WordVectors();
        var source = new InMemorySource("mem://a").Put("one", Make("Peace", About("peace talks")));
        var first = await Refresher(new PassageEmbedder(embeddings, "words")).RefreshAsync([source], null, default);
        var before = Assert.Single(await FindAsync("peace"));
        int requests = embeddings.Requests;

        var second = await Refresher(new PassageEmbedder(embeddings, "words")).RefreshAsync([source], null, default);

        Assert.Equal((1, 1), (first.Added, first.Embedded));
        Assert.Equal((0, 0, 1, 0), (second.Added, second.Updated, second.Unchanged, second.Embedded));
        Assert.Equal(requests, embeddings.Requests);
        Assert.Equal(before.PassageId, Assert.Single(await FindAsync("peace")).PassageId);
    }

    [Fact]
    public async Task The_same_article_by_link_or_by_words_is_stored_once()
    {
        var a = new InMemorySource("mem://a").Put("one", Make("Talks", About("a meeting in Geneva"), url: "https://example.org/story"));
        var b = new InMemorySource("mem://b")
            .Put("same-link", Make("Talks (copy)", About("a different account of Ankara"), url: "https://example.org/story"))
            // Case, punctuation and spacing aside, the same words: another scrape of the same story.
            .Put("same-words", Make("Talks again", About("a meeting in Geneva").Replace("Sentence", "SENTENCE").Replace(".", ";")));

        var report = await Refresher().RefreshAsync([a, b], null, default);

        Assert.Equal((1, 2), (report.Added, report.Duplicates));
        Assert.All(report.Skipped, s => Assert.Equal("same article as one", s.Reason));
        Assert.Single(await FindAsync("Geneva"));
        Assert.Empty(await FindAsync("Ankara"));
        Assert.Equal(1, (await Index.GetStatusAsync(default)).Articles);
    }

    [Fact]
    public async Task An_article_that_becomes_a_copy_of_another_is_removed()
    {
        var a = new InMemorySource("mem://a").Put("one", Make("Talks", About("a meeting in Geneva")));
        var b = new InMemorySource("mem://b").Put("two", Make("Other", About("a meeting in Ankara")));
        await Refresher().RefreshAsync([a, b], null, default);

        b.Put("two", Make("Other", About("a meeting in Geneva")));
        var report = await Refresher().RefreshAsync([a, b], null, default);

        Assert.Equal((1, 1), (report.Duplicates, report.Removed));
        Assert.Empty(await FindAsync("Ankara"));
        Assert.Equal(1, (await Index.GetStatusAsync(default)).Articles);
    }

    [Fact]
    public async Task Search_ranks_more_of_a_term_first_and_can_require_every_term()
    {
        var source = new InMemorySource("mem://a")
            .Put("once", Make("First", About("many other matters", 5) + " Geneva came up once."))
            .Put("often", Make("Second", "Geneva, Geneva and again Geneva: the talks in Geneva went on. Istanbul was mentioned."))
            .Put("none", Make("Third", About("Ankara")));
        await Refresher().RefreshAsync([source], null, default);

        var any = await FindAsync("Geneva Istanbul");
        Assert.Equal(["often", "once"], any.Select(h => h.Article.Origin));
        Assert.True(any[0].Score > any[1].Score);
        Assert.Equal(["often"], (await FindAsync("Geneva Istanbul", requireAll: true)).Select(h => h.Article.Origin));
        Assert.Single(await Index.SearchAsync(Terms("Geneva"), 1, false, default));
        Assert.Empty(await Index.SearchAsync([], 10, false, default));
    }

    [Fact]
    public async Task Term_statistics_count_passages_per_term()
    {
        var source = new InMemorySource("mem://a")
            .Put("a", Make("One", "Lavrov spoke about Geneva."))
            .Put("b", Make("Two", "Lavrov spoke again, this time about Istanbul."));
        await Refresher().RefreshAsync([source], null, default);

        var stats = await Index.GetTermStatisticsAsync(Terms("Lavrov Geneva Mongolia"), default);

        Assert.Equal(2, stats.TotalPassages);
        Assert.Equal(2, stats.DocumentFrequency[Terms("Lavrov")[0]]);
        Assert.Equal(1, stats.DocumentFrequency[Terms("Geneva")[0]]);
        Assert.False(stats.DocumentFrequency.ContainsKey(Terms("Mongolia")[0]));
    }

    [Fact]
    public async Task Vocabulary_holds_every_term_with_its_passage_count_and_follows_refreshes()
    {
        var source = new InMemorySource("mem://a")
            .Put("a", Make("One", "Lavrov spoke about Geneva."))
            .Put("b", Make("Two", "Lavrov spoke about Istanbul."));
        await Refresher().RefreshAsync([source], null, default);

        var vocabulary = await Index.GetVocabularyAsync(default);
        Assert.Equal(2, vocabulary[Terms("Lavrov")[0]]);
        Assert.Equal(1, vocabulary[Terms("Istanbul")[0]]);
        Assert.Same(vocabulary, await Index.GetVocabularyAsync(default));

        source.Remove("b");
        await Refresher().RefreshAsync([source], null, default);
        var after = await Index.GetVocabularyAsync(default);
        Assert.Equal(1, after[Terms("Lavrov")[0]]);
        Assert.False(after.ContainsKey(Terms("Istanbul")[0]));
    }

    [Fact]
    public async Task Adjacent_passages_are_the_neighbours_within_the_same_article()
    {
        var body = string.Join("\n\n", new[] { "Alpha", "Bravo", "Charlie", "Delta" }.Select(w => About($"{w} matters", 14)));
        var source = new InMemorySource("mem://a")
            .Put("long", Make("Long read", body))
            .Put("other", Make("Other", About("Echo matters", 14)));
        await Refresher().RefreshAsync([source], null, default);
        var charlie = Assert.Single(await FindAsync("Charlie"));
        Assert.True(charlie.Position > 0, "the test article must split into several passages");

        var neighbors = await Index.GetAdjacentPassagesAsync([charlie.PassageId], default);

        Assert.Equal([charlie.Position - 1, charlie.Position + 1], neighbors.Select(n => n.Position).Order());
        Assert.All(neighbors, n => Assert.Equal(charlie.Article.Id, n.Article.Id));
        Assert.Empty(await Index.GetAdjacentPassagesAsync([], default));
    }

    [Fact]
    public async Task Vectors_are_searched_by_their_model_and_a_new_model_replaces_them()
    {
        var embeddings = new WordVectors();
        var source = new InMemorySource("mem://a")
            .Put("peace", Make("One", About("peace")))
            .Put("grain", Make("Two", About("grain")));
        await Refresher(new PassageEmbedder(embeddings, "m1")).RefreshAsync([source], null, default);

        var best = await Index.SearchByVectorAsync(WordVectors.Of("grain"), "m1", 5, default);
        Assert.Equal(["grain", "peace"], best.Select(h => h.Article.Origin));
        Assert.True(best[0].Score > best[1].Score);
        Assert.Empty(await Index.SearchByVectorAsync(WordVectors.Of("grain"), "m2", 5, default));
        var status = await Index.GetStatusAsync(default);
        Assert.Equal(("m1", 2), (status.EmbeddingModel, status.EmbeddedPassages));

        var switched = await Refresher(new PassageEmbedder(embeddings, "m2")).RefreshAsync([source], null, default);

        Assert.Equal(2, switched.Embedded);
        Assert.Empty(await Index.SearchByVectorAsync(WordVectors.Of("grain"), "m1", 5, default));
        Assert.Equal("grain", (await Index.SearchByVectorAsync(WordVectors.Of("grain"), "m2", 5, default))[0].Article.Origin);
    }

    [Fact]
    public async Task Moderator_sources_are_listed_once_and_removed_with_their_articles()
    {
        Assert.True(await Index.AddSourceAsync("mem://added", "feed", default));
        Assert.False(await Index.AddSourceAsync("mem://added", "feed", default));
        var added = new InMemorySource("mem://added").Put("one", Make("Added", About("Tbilisi")));
        var configured = new InMemorySource("mem://config").Put("two", Make("Configured", About("Yerevan")));
        await Refresher().RefreshAsync([configured, added], null, default, allSources: true);

        var listed = await Index.GetSourcesAsync(["mem://config"], default);
        Assert.Equal([("mem://config", SourceOrigins.Config, 1), ("mem://added", SourceOrigins.Added, 1)], listed.Select(s => (s.Location, s.Origin, s.Articles)));
        Assert.Equal("feed", listed[1].Kind);
        Assert.Equal([("Test Wire", 1)], listed[1].Outlets.Select(o => (o.Outlet, o.Articles)));

        Assert.False(await Index.RemoveSourceAsync("mem://config", default));
        Assert.False(await Index.RemoveSourceAsync("mem://unknown", default));
        Assert.True(await Index.RemoveSourceAsync("mem://added", default));

        Assert.Empty(await FindAsync("Tbilisi"));
        Assert.Single(await FindAsync("Yerevan"));
        Assert.Equal(["mem://config"], (await Index.GetSourcesAsync(["mem://config"], default)).Select(s => s.Location));
    }

    [Fact]
    public async Task Status_counts_articles_and_passages_and_tells_the_last_refresh_with_its_errors()
    {
        var empty = await Index.GetStatusAsync(default);
        Assert.Equal((0, 0, null), (empty.Articles, empty.Passages, empty.LastRefresh));

        var good = new InMemorySource("mem://good").Put("one", Make("One", About("Kyiv"))).Put("two", Make("Two", About("Odesa")));
        var bad = new InMemorySource("mem://bad") { UnavailableReason = "host not found" };
        var report = await Refresher().RefreshAsync([good, bad], null, default);

        var status = await Index.GetStatusAsync(default);
        Assert.Equal((2, 2), (status.Articles, status.Passages));
        Assert.NotNull(status.LastRefresh);
        var error = Assert.Single(status.LastRefreshErrors);
        Assert.Equal(("mem://bad", "host not found"), (error.Location, error.Reason));
        var sources = status.Sources.ToDictionary(s => s.Location);
        Assert.NotNull(sources["mem://good"].LastSuccess);
        Assert.Null(sources["mem://good"].LastError);
        Assert.Null(sources["mem://bad"].LastSuccess);
        Assert.Equal("host not found", sources["mem://bad"].LastError?.Reason);
        Assert.Single(report.Errors);
    }

    [Fact]
    public async Task One_refresh_at_a_time_and_an_abandoned_one_changes_nothing()
    {
        var source = new InMemorySource("mem://a").Put("one", Make("Kept", About("Kherson")));
        await Refresher().RefreshAsync([source], null, default);

        await using (var session = await Index.BeginRefreshAsync(default))
        {
            await Assert.ThrowsAsync<RefreshInProgressException>(() => Index.BeginRefreshAsync(default));
            await session.RemoveArticleAsync("mem://a", "one", default);
            var passage = new IndexedPassage(0, "Written but never committed: Mariupol.", Terms("Written but never committed: Mariupol."));
            await session.StoreArticleAsync("mem://a", new IndexedArticle("two", "h", "b", null, Make("Lost", passage.Text), [passage]), default);
            // Readers see the last committed index while a refresh is open.
            Assert.Single(await FindAsync("Kherson"));
            Assert.Empty(await FindAsync("Mariupol"));
        }

        Assert.Single(await FindAsync("Kherson"));
        Assert.Empty(await FindAsync("Mariupol"));
        Assert.Equal(1, (await Index.GetStatusAsync(default)).Articles);
        // The lock went with the abandoned session.
        await using var next = await Index.BeginRefreshAsync(default);
    }

    [Fact]
    public async Task A_source_that_cannot_be_read_keeps_its_articles()
    {
        var source = new InMemorySource("mem://a").Put("one", Make("Kept", About("Kharkiv")));
        await Refresher().RefreshAsync([source], null, default, allSources: true);

        source.UnavailableReason = "connection refused";
        var report = await Refresher().RefreshAsync([source], null, default, allSources: true);

        Assert.Equal(0, report.Removed);
        Assert.Single(await FindAsync("Kharkiv"));
    }

    [Fact]
    public async Task A_document_that_fails_keeps_its_article()
    {
        var source = new InMemorySource("mem://a").Put("one", Make("Kept", About("Zaporizhzhia"))).Put("two", Make("Other", About("Dnipro")));
        await Refresher().RefreshAsync([source], null, default);

        source.PutItem(new ArticleFailed("one", "HTTP 503"));
        var report = await Refresher().RefreshAsync([source], null, default);

        Assert.Equal((0, 1), (report.Removed, report.Errors.Count));
        Assert.Single(await FindAsync("Zaporizhzhia"));
    }

    [Fact]
    public async Task A_source_not_part_of_a_refresh_keeps_its_articles()
    {
        var configured = new InMemorySource("mem://config").Put("one", Make("Configured", About("Lviv")));
        var given = new InMemorySource("mem://given").Put("two", Make("Given", About("Chernihiv")));
        await Refresher().RefreshAsync([configured], null, default, allSources: true);

        // `index refresh --source mem://given`, then plain refreshes (the command line's and the schedule's).
        await Refresher().RefreshAsync([given], null, default);
        await Refresher().RefreshAsync([configured], null, default);
        var full = await Refresher().RefreshAsync([configured], null, default, allSources: true);

        Assert.Equal(0, full.Removed);
        Assert.Single(await FindAsync("Chernihiv"));
        Assert.Single(await FindAsync("Lviv"));
        var listed = await Index.GetSourcesAsync(["mem://config"], default);
        Assert.Equal([("mem://config", SourceOrigins.Config), ("mem://given", SourceOrigins.Given)], listed.Select(s => (s.Location, s.Origin)));

        // A given source goes when it is removed.
        Assert.True(await Index.RemoveSourceAsync("mem://given", default));
        Assert.Empty(await FindAsync("Chernihiv"));
    }

    [Fact]
    public async Task A_source_dropped_from_the_full_list_loses_its_articles()
    {
        var kept = new InMemorySource("mem://kept").Put("one", Make("Kept", About("Poltava")));
        var dropped = new InMemorySource("mem://dropped").Put("two", Make("Dropped", About("Sumy")));
        var givenThenConfigured = new InMemorySource("mem://later").Put("three", Make("Later", About("Vinnytsia")));
        await Refresher().RefreshAsync([givenThenConfigured], null, default);
        await Refresher().RefreshAsync([kept, dropped, givenThenConfigured], null, default, allSources: true);

        var report = await Refresher().RefreshAsync([kept], null, default, allSources: true);

        Assert.Equal(2, report.Removed);
        Assert.Empty(await FindAsync("Sumy"));
        Assert.Empty(await FindAsync("Vinnytsia"));
        Assert.Single(await FindAsync("Poltava"));
        Assert.Equal(["mem://kept"], (await Index.GetSourcesAsync([], default)).Select(s => s.Location));
    }

    /// <summary>A deterministic embedding model: one dimension per known word, plus a constant so no vector is zero.</summary>
    private sealed class WordVectors : IEmbeddingGenerator<string, Embedding<float>>
    {
        private static readonly string[] Words = ["peace", "grain", "gas", "war"];

        public int Requests { get; private set; }

        public static float[] Of(string text) =>
            [.. Words.Select(w => text.Contains(w, StringComparison.OrdinalIgnoreCase) ? 1f : 0f), 0.1f];

        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            Requests++;
            return Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(values.Select(v => new Embedding<float>(Of(v)))));
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
