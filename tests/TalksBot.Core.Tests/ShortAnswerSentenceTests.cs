using TalksBot.Core.Answering;
using TalksBot.Core.Indexing;
using TalksBot.Core.Retrieval;

namespace TalksBot.Core.Tests;

/// <summary>
/// A short line is quoted when it gives the asked type of answer after the sentence that says what it is about
/// ("…in favour of our resolution. 141 countries endorsed it!"); other short lines are not.
/// </summary>
public sealed class ShortAnswerSentenceTests
{
    private const string Topic = "Finally, the assembly held a historic vote in favour of our resolution on peace and territorial integrity.";

    private static Answer Answer(string question, string shortLine)
    {
        var analyzer = TextAnalyzer.Default;
        var query = analyzer.AnalyzeQuestion(question);
        var article = new ArticleInfo(1, "Weekly address", "Test Wire", new DateOnly(2023, 2, 26), null, "mem://a");
        var text = $"{Topic} {shortLine} The session then moved on to the budget for the coming year.";
        var passage = new RetrievedPassage(new PassageHit(1, 0, text, article, 1), 1, 0.6, 1, 1);
        var focus = query.Terms.Select(t => new FocusTerm(t, 1, false, [])).ToList();
        var retrieval = new RetrievalResult(query, [passage], focus.ToDictionary(f => f.Term, f => f.Weight), true) { Focus = focus };
        return new ExtractiveAnswerWriter(analyzer).Write(retrieval);
    }

    [Fact]
    public void A_short_line_giving_the_number_after_the_sentence_about_it_is_quoted()
    {
        var answer = Answer("How many countries voted for the resolution on peace and territorial integrity?", "141 countries endorsed it!");
        Assert.Contains("141 countries endorsed it!", answer.Text);
    }

    [Fact]
    public void A_short_line_giving_no_answer_of_the_asked_type_is_not_quoted()
    {
        var answer = Answer("How many countries voted for the resolution on peace and territorial integrity?", "Everyone applauded it loudly!");
        Assert.DoesNotContain("Everyone applauded", answer.Text);
    }
}
