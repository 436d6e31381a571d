using Microsoft.Data.Sqlite;
using TalksBot.Core.Answering;
using TalksBot.Core.Articles;
using TalksBot.Core.Refresh;
using TalksBot.Core.Retrieval;
using TalksBot.Index.Sqlite;
using TalksBot.Testing;

namespace TalksBot.Embeddings.Local.Tests;

/// <summary>
/// "…overnight during the 4-5 Feb 2026 Lunde round?" is answered by a report of 5 February whose line with the count
/// doesn't name Lunde (its lead does, passages away): a report of the day asked about tells of that day. Not by its line
/// that names a place of its own, which is another of the day's events.
/// </summary>
public sealed class ReportOfTheDayTests : IDisposable
{
    private readonly TempFolder _folder = new("talksbot-report-of-the-day-", SqliteConnection.ClearAllPools);

    public void Dispose() => _folder.Dispose();

    private async Task<Answer> AskAsync(string question)
    {
        var source = new InMemorySource("mem://report-of-the-day")
            .Put("round", new ArticleDocument("Second round ends with a swap", "Gulf Ledger", new DateOnly(2026, 2, 5), null,
                string.Join("\n\n",
                    "Negotiators from the three delegations ended the second round of talks in Lunde on Thursday afternoon, officials said.",
                    "The prisoner exchange agreed at the table was carried out at the border later that day, the officials added.",
                    "Families waited for hours at the crossing, holding photographs and flags, as buses arrived one after another.",
                    "The next meeting has not been scheduled, and both sides said much work remains before any settlement.",
                    "Russia's defence ministry said its forces shot down 95 Ukrainian drones overnight.",
                    "A drone struck a bus near Tarnivka overnight, killing 12 people, regional officials said.")));
        for (int f = 0; f < 12; f++)
        {
            source.Put($"filler{f}", new ArticleDocument($"Front report {f}", "Test Wire", new DateOnly(2026, 1, 10 + f), null,
                $"Shelling continued near the front in Ukraine on day {f}. Officials in Kyiv and Russia traded accusations about the war. Analysts expect more fighting in the east."));
        }
        var index = new SqliteArticleIndex(Path.Combine(_folder.Path, "index.db"));
        var model = LocalEmbeddingModel.MiniLM;
        var embedder = new PassageEmbedder(LocalEmbeddingGenerator.ForPassages(OnnxSentenceEncoder.Shared(model)), model.Id);
        var splitter = new PassageSplitter { MinWords = 4, MaxWords = 24, PreferredWords = 8 };
        await new IndexRefresher(index, splitter, TimeProvider.System, embedder).RefreshAsync([source], null, default);
        var retriever = new PassageRetriever(index, TextAnalyzer.Default, new RetrievalOptions(),
            new QueryEmbedder(LocalEmbeddingGenerator.ForQueries(OnnxSentenceEncoder.Shared(model)), model.Id));
        return await new QuestionAnswerer(retriever, new ExtractiveAnswerWriter(TextAnalyzer.Default)).AnswerAsync(question, [], default);
    }

    [Fact]
    public async Task A_count_in_a_report_of_the_day_asked_about_answers_though_its_line_names_no_setting()
    {
        var answer = await AskAsync("How many Ukrainian drones did Russia's defence ministry say it shot down overnight during the 4-5 Feb 2026 Lunde round?");

        Assert.True(answer.Grounded, answer.Grounding?.Reason);
        Assert.Contains("95 Ukrainian drones", answer.Text);
    }

    [Fact]
    public async Task A_line_of_that_report_naming_a_place_of_its_own_tells_of_another_event()
    {
        var answer = await AskAsync("How many people were killed overnight when a drone hit a bus during the 4-5 Feb 2026 Lunde round?");

        Assert.DoesNotContain("12 people", answer.Text);
    }
}
