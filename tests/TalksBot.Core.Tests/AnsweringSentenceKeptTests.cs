using TalksBot.Core.Answering;

namespace TalksBot.Core.Tests;

/// <summary>
/// Sentences that restate the question must not crowd out the one that answers it: when none of the sentences quoted
/// holds an answer of the asked type, the best one that does takes the last place.
/// </summary>
public sealed class AnsweringSentenceKeptTests
{
    // As in an index where "sent" is a common word and the exchange's words are rare.
    private static Answer Answer(string question, params string[] sentences) =>
        OnePassageAnswer.Write(question, "Prisoners come home", sentences, t => t == TalksBot.Core.Retrieval.TextAnalyzer.Default.Term("sent") ? 0.2 : 1);

    private const string Question = "Where were the prisoners of war sent after the exchange on Thursday?";

    private static readonly string[] Restating =
    [
        "The exchange of prisoners of war on Thursday was the first since the talks began, officials said.",
        "Both sides called the prisoner of war exchange on Thursday a sign of goodwill between the delegations.",
        "The prisoners of war exchange on Thursday followed weeks of quiet negotiation by the mediators.",
    ];

    [Fact]
    public void The_sentence_giving_the_place_is_quoted_though_three_restate_the_question()
    {
        var answer = Answer(Question, [.. Restating, "The freed soldiers were then sent on to Belarus for medical checks."]);
        Assert.Contains("sent on to Belarus", answer.Text);
        Assert.Equal(3, answer.Text.Split(" [1]").Length - 1);
    }

    [Fact]
    public void Without_a_sentence_giving_a_place_the_best_three_stay()
    {
        var answer = Answer(Question, [.. Restating, "The freed soldiers were then sent on for medical checks."]);
        Assert.DoesNotContain("medical checks", answer.Text);
        Assert.All(Restating, s => Assert.Contains(s, answer.Text));
    }
}
