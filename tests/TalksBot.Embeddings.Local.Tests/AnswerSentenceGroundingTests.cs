using Microsoft.Data.Sqlite;
using TalksBot.Core.Answering;
using TalksBot.Core.Articles;
using TalksBot.Core.Refresh;
using TalksBot.Core.Retrieval;
using TalksBot.Index.Sqlite;
using TalksBot.Testing;

namespace TalksBot.Embeddings.Local.Tests;

/// <summary>
/// A reworded question shares too few words with the passage that answers it for the word gate; the local model reads
/// the sentence that holds an answer of the asked type and says whether it means what the question asks.
/// </summary>
public sealed class AnswerSentenceGroundingTests : IDisposable
{
    private readonly TempFolder _folder = new("talksbot-answer-sentence-", SqliteConnection.ClearAllPools);

    public void Dispose() => _folder.Dispose();

    private static ArticleDocument Make(string title, string body) => new(title, "Test Wire", new DateOnly(2026, 1, 20), null, body);

    private async Task<SqliteArticleIndex> IndexAsync()
    {
        var source = new InMemorySource("mem://answer-sentence")
            .Put("retreat", Make("The mercenary column turns back",
                "The mercenary chief Viktor Orlan halted his column two hundred kilometres from the capital on Saturday night. "
                + "On Monday, Orlan posted an 11-minute voice recording on social media explaining why his fighters had turned around. "
                + "His men returned to their field camps in the south, officials said."))
            .Put("grid", Make("Winter outages", "Engineers restored electricity to the eastern districts after drone strikes damaged two substations overnight."))
            .Put("swap", Make("Prisoner exchange", "Both sides freed 157 soldiers each in an exchange brokered by the United Arab Emirates."));
        for (int f = 0; f < 12; f++)
        {
            source.Put($"filler{f}", Make($"Front report {f}", $"Shelling continued near the front in Ukraine on day {f}. Officials in Kyiv and Russia traded accusations about the war. Analysts expect more fighting in the east."));
        }
        var index = new SqliteArticleIndex(Path.Combine(_folder.Path, "index.db"));
        var model = LocalEmbeddingModel.MiniLM;
        var embedder = new PassageEmbedder(LocalEmbeddingGenerator.ForPassages(OnnxSentenceEncoder.Shared(model)), model.Id);
        await new IndexRefresher(index, new PassageSplitter(), TimeProvider.System, embedder).RefreshAsync([source], null, default);
        return index;
    }

    private static PassageRetriever Retriever(SqliteArticleIndex index, RetrievalOptions options)
    {
        var model = LocalEmbeddingModel.MiniLM;
        return new PassageRetriever(index, TextAnalyzer.Default, options, new QueryEmbedder(LocalEmbeddingGenerator.ForQueries(OnnxSentenceEncoder.Shared(model)), model.Id));
    }

    [Fact]
    public async Task A_reworded_question_is_grounded_by_the_sentence_that_answers_it_and_quotes_it_first()
    {
        var index = await IndexAsync();
        // "audio explanation" for "voice recording", "ending the uprising" for "turned around": too few of its words.
        const string question = "How long did Orlan's audio explanation for ending the uprising last?";

        var wordsOnly = await Retriever(index, new RetrievalOptions { AnswerSentenceSimilarity = 1.01 }).RetrieveAsync(question, default);
        Assert.False(wordsOnly.Covered, "the word gate alone should refuse it");

        var result = await Retriever(index, new RetrievalOptions()).RetrieveAsync(question, default);
        Assert.True(result.Covered, result.Grounding?.Reason);
        Assert.Contains("11-minute", result.GroundingSentence);
        var answer = new ExtractiveAnswerWriter(TextAnalyzer.Default).Write(result);
        Assert.StartsWith("On Monday, Orlan posted an 11-minute voice recording", answer.Text);
    }

    [Theory]
    // The same sentence holds a length of time and names Orlan, but it doesn't tell either.
    [InlineData("How long did Orlan's armoured convoy need to drive back to the border?")]
    [InlineData("How long was the prison term Orlan's deputy received for the uprising?")]
    public async Task A_sentence_of_the_asked_type_that_means_something_else_grounds_nothing(string question)
    {
        var index = await IndexAsync();
        var result = await Retriever(index, new RetrievalOptions()).RetrieveAsync(question, default);
        Assert.False(result.Covered, $"answered from: {result.GroundingSentence}");
        Assert.Null(result.GroundingSentence);
    }
}
