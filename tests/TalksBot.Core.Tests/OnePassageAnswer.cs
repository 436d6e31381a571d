using TalksBot.Core.Answering;
using TalksBot.Core.Indexing;
using TalksBot.Core.Retrieval;

namespace TalksBot.Core.Tests;

/// <summary>
/// The extractive answer to a question from one retrieved passage made of the given sentences, without an index: for
/// tests of how the answer picks and orders its sentences.
/// </summary>
internal static class OnePassageAnswer
{
    /// <param name="weight">What each of the question's terms weighs (1 unless said).</param>
    /// <param name="names">The question's terms that are names (none unless said).</param>
    public static Answer Write(string question, string title, IEnumerable<string> sentences, Func<string, double>? weight = null, ISet<string>? names = null)
    {
        var analyzer = TextAnalyzer.Default;
        var query = analyzer.AnalyzeQuestion(question);
        var article = new ArticleInfo(1, title, "Test Wire", new DateOnly(2026, 2, 6), null, "mem://a");
        var passage = new RetrievedPassage(new PassageHit(1, 0, string.Join(" ", sentences), article, 1), 1, 0.6, 1, 1);
        var focus = query.Terms.Select(t => new FocusTerm(t, weight?.Invoke(t) ?? 1, names?.Contains(t) == true, [])).ToList();
        var retrieval = new RetrievalResult(query, [passage], focus.ToDictionary(f => f.Term, f => f.Weight), true) { Focus = focus };
        return new ExtractiveAnswerWriter(analyzer).Write(retrieval);
    }
}
