using TalksBot.Core.Answering;

namespace TalksBot.Core.Tests;

/// <summary>"What does 'Mir' actually mean?" is answered by the sentence saying what it means, not by sentences using the name.</summary>
public sealed class MeaningAnswerTests
{
    [Fact]
    public void The_sentence_giving_the_meaning_is_quoted()
    {
        var answer = OnePassageAnswer.Write("What does 'Mir', the name of Ostmark's bank card system, actually mean?", "Card system sanctioned",
        [
            "The central bank said Mir cards and other services of the national card system would keep working as usual in Ostmark.",
            "The card system's chief, who runs Mir, was sanctioned for helping Ostmark's bank evade the card restrictions.",
            "Foreign partners decide themselves whether to accept Mir cards, the central bank said of the card system.",
            "A handful of former republics accept Mir, which means both \"peace\" and \"world\" in the local language.",
        ]);
        Assert.Contains("which means both", answer.Text);
    }

    [Theory]
    [InlineData("What does 'Mir' actually mean?", true)]
    [InlineData("what does NSPK stand for", true)]
    [InlineData("What did the envoy say about the card system?", false)]
    public void What_does_it_mean_asks_for_a_meaning(string question, bool asks) =>
        Assert.Equal(asks, AnswerCandidates.AsksMeaning(question));
}
