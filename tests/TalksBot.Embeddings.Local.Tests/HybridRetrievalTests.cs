using Microsoft.Data.Sqlite;
using TalksBot.Core.Articles;
using TalksBot.Core.Refresh;
using TalksBot.Core.Retrieval;
using TalksBot.Index.Sqlite;
using TalksBot.Testing;

namespace TalksBot.Embeddings.Local.Tests;

/// <summary>The local model through the real SQLite index: a question worded unlike its passage still finds it.</summary>
public sealed class HybridRetrievalTests : IDisposable
{
    private readonly TempFolder _folder = new("talksbot-embed-", SqliteConnection.ClearAllPools);

    public void Dispose() => _folder.Dispose();

    private static InMemorySource Corpus() => new InMemorySource("mem://hybrid")
        .Put("survey", Make("Opinion in Kyiv", "A survey by the Kyiv International Institute of Sociology found that 74 percent of respondents rejected ceding land to Moscow, even in exchange for an end to the fighting."))
        .Put("grid", Make("Winter outages", "Engineers restored electricity to the eastern districts after drone strikes damaged two substations overnight."))
        .Put("swap", Make("Prisoner exchange", "Both sides freed 157 soldiers each in an exchange brokered by the United Arab Emirates."))
        .Put("grain", Make("Black Sea shipping", "Cargo vessels carrying wheat left Odesa under a corridor arrangement guaranteed by Turkey."));

    private static ArticleDocument Make(string title, string body) => new(title, "Test Wire", new DateOnly(2026, 1, 20), null, body);

    [Theory]
    [InlineData("minilm")]
    [InlineData("arctic-xs")]
    public async Task A_paraphrased_question_without_shared_words_finds_its_passage(string key)
    {
        var model = LocalEmbeddingModel.Find(key)!;
        var encoder = OnnxSentenceEncoder.Shared(model);
        var index = new SqliteArticleIndex(Path.Combine(_folder.Path, key + ".db"));
        var embedder = new PassageEmbedder(LocalEmbeddingGenerator.ForPassages(encoder), model.Id);
        var report = await new IndexRefresher(index, new PassageSplitter(), TimeProvider.System, embedder).RefreshAsync([Corpus()], null, default);
        Assert.Equal(4, report.Embedded);
        var status = await index.GetStatusAsync(default);
        Assert.Equal(model.Id, status.EmbeddingModel);
        Assert.Equal(4, status.EmbeddedPassages);

        // Not one content word in common with the passage: "poll"/"survey", "Ukrainians"/"respondents", "give up"/"ceding", "territory"/"land".
        const string question = "Would Ukrainians, when polled, agree to give up territory for peace?";
        // (The paraphrase table relates most of these words too; without it, words alone find nothing.)
        var keywordsOnly = await new PassageRetriever(index, TextAnalyzer.Default, new RetrievalOptions { ParaphraseWeight = 0 }).RetrieveAsync(question, default);
        Assert.DoesNotContain(keywordsOnly.Passages, p => p.Hit.Article.Title == "Opinion in Kyiv");

        var hybrid = await new PassageRetriever(index, TextAnalyzer.Default, new RetrievalOptions { ParaphraseWeight = 0 }, new QueryEmbedder(LocalEmbeddingGenerator.ForQueries(encoder), model.Id))
            .RetrieveAsync(question, default);
        Assert.NotEmpty(hybrid.Passages);
        Assert.Equal("Opinion in Kyiv", hybrid.Passages[0].Hit.Article.Title);
    }

    [Fact]
    public async Task An_unchanged_re_refresh_embeds_nothing_and_a_model_change_re_embeds()
    {
        var index = new SqliteArticleIndex(Path.Combine(_folder.Path, "switch.db"));
        IndexRefresher Refresher(LocalEmbeddingModel m) =>
            new(index, new PassageSplitter(), TimeProvider.System, new PassageEmbedder(LocalEmbeddingGenerator.ForPassages(OnnxSentenceEncoder.Shared(m)), m.Id));
        var source = Corpus();
        Assert.Equal(4, (await Refresher(LocalEmbeddingModel.MiniLM).RefreshAsync([source], null, default)).Embedded);
        Assert.Equal(0, (await Refresher(LocalEmbeddingModel.MiniLM).RefreshAsync([source], null, default)).Embedded);
        source.Put("swap", Make("Prisoner exchange", "Both sides freed 200 soldiers each in an exchange brokered by the United Arab Emirates."));
        Assert.Equal(1, (await Refresher(LocalEmbeddingModel.MiniLM).RefreshAsync([source], null, default)).Embedded);

        var progress = new List<RefreshProgress>();
        var switched = await Refresher(LocalEmbeddingModel.ArcticXs).RefreshAsync([source], new SynchronousProgressRecorder(progress), default);
        Assert.Equal(4, switched.Embedded);
        var status = await index.GetStatusAsync(default);
        Assert.Equal("local/snowflake-arctic-embed-xs", status.EmbeddingModel);
        Assert.Equal(4, status.EmbeddedPassages);
        var embedding = progress.Where(p => p.Phase == "embedding").ToList();
        Assert.Equal((0, 4), (embedding[0].PassagesEmbedded, embedding[0].PassagesToEmbed));
        Assert.Equal((4, 4), (embedding[^1].PassagesEmbedded, embedding[^1].PassagesToEmbed));
        Assert.All(embedding, p => Assert.Equal("local/snowflake-arctic-embed-xs", p.EmbeddingModel));
    }

    private sealed class SynchronousProgressRecorder(List<RefreshProgress> into) : IProgress<RefreshProgress>
    {
        public void Report(RefreshProgress value) => into.Add(value);
    }
}
