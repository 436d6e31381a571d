using TalksBot.Core.Articles;
using TalksBot.Core.Refresh;
using TalksBot.Testing;

namespace TalksBot.Index.Sqlite.Tests;

public class SearchTests : IDisposable
{
    private readonly TempIndex _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Any_spelling_of_a_name_finds_every_other()
    {
        var source = new InMemorySource("mem://a")
            .Put("a", Articles.Make("Kiev visit", "President Zelenskiy met envoys in Kiev to discuss the Donbass front line and a possible ceasefire."));
        await _db.Refresher.RefreshAsync([source], null, default);
        var analyzer = Core.Retrieval.TextAnalyzer.Default;
        foreach (var q in new[] { "Zelensky's", "Zelenskyy", "Kyiv", "Donbas" })
        {
            var hits = await _db.Index.SearchAsync(analyzer.AnalyzeQuestion(q).Terms, 5, false, default);
            Assert.Single(hits);
        }
    }

    [Fact]
    public async Task Term_statistics_count_passages_per_term()
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
    }

    [Fact]
    public async Task Vectors_are_stored_per_model_and_searched_by_cosine_similarity()
    {
        var source = new InMemorySource("mem://a")
            .Put("a", Articles.Make("North", "Passage about the north."))
            .Put("b", Articles.Make("East", "Passage about the east."));
        var fake = new AxisEmbedder();
        var refresher = new IndexRefresher(_db.Index, new PassageSplitter(), TimeProvider.System, new PassageEmbedder(fake, "axis-v1"));
        var report = await refresher.RefreshAsync([source], null, default);
        Assert.Equal(2, report.Embedded);
        var again = await refresher.RefreshAsync([source], null, default);
        Assert.Equal(0, again.Embedded);
        Assert.Equal(1, fake.Calls);

        var hits = await _db.Index.SearchByVectorAsync(new float[] { 0.1f, 1f }, "axis-v1", 1, default);
        Assert.Equal("East", Assert.Single(hits).Article.Title);
        Assert.Empty(await _db.Index.SearchByVectorAsync(new float[] { 0.1f, 1f }, "other-model", 1, default));
        Assert.Equal("axis-v1", (await _db.Index.GetStatusAsync(default)).EmbeddingModel);

        // A new model re-embeds everything.
        var switched = new IndexRefresher(_db.Index, new PassageSplitter(), TimeProvider.System, new PassageEmbedder(fake, "axis-v2"));
        Assert.Equal(2, (await switched.RefreshAsync([source], null, default)).Embedded);
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
