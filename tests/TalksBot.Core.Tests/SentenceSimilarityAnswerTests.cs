using TalksBot.Core.Answering;
using TalksBot.Core.Indexing;
using TalksBot.Core.Retrieval;

namespace TalksBot.Core.Tests;

/// <summary>
/// The extractive answer weighs each sentence's meaning (its similarity to the question, from retrieval) beside its
/// words: of two sentences holding the question's words alike, the one that means the question is quoted first.
/// </summary>
public sealed class SentenceSimilarityAnswerTests
{
    // Both hold the question's words alike; only the second says what it asks.
    private const string Echo = "Businesses across the country are struggling with the blackouts, the chamber of commerce said.";
    private const string Answer = "Most businesses struggling with the blackouts cut their output, the chamber of commerce said.";

    private static RetrievalResult Retrieval(IReadOnlyDictionary<string, double> similarity)
    {
        var analyzer = TextAnalyzer.Default;
        var query = analyzer.AnalyzeQuestion("What share of businesses are struggling because of the blackouts?");
        var article = new ArticleInfo(1, "Industry in the dark", "Test Wire", new DateOnly(2026, 1, 20), null, "mem://a");
        var passage = new RetrievedPassage(new PassageHit(1, 0, Echo + " " + Answer, article, 1), 1, 0.6, 1, 1);
        var focus = query.Terms.Select(t => new FocusTerm(t, 1, false, [])).ToList();
        return new RetrievalResult(query, [passage], focus.ToDictionary(f => f.Term, f => f.Weight), true)
        {
            Focus = focus,
            SentenceSimilarity = similarity,
        };
    }

    [Fact]
    public void The_sentence_that_means_the_question_is_quoted_first()
    {
        var writer = new ExtractiveAnswerWriter(TextAnalyzer.Default);
        // By words alone the sentence that repeats the question's words comes first.
        Assert.StartsWith(Echo, writer.Write(Retrieval(new Dictionary<string, double>())).Text);
        // Its meaning put beside its words, the sentence that answers comes first.
        var answer = writer.Write(Retrieval(new Dictionary<string, double> { [Echo] = 0.35, [Answer] = 0.8 }));
        Assert.StartsWith(Answer, answer.Text);
    }
}
