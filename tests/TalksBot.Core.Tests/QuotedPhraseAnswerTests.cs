using TalksBot.Core.Answering;
using TalksBot.Core.Retrieval;

namespace TalksBot.Core.Tests;

/// <summary>
/// "What did the president call 'our only mistake'…?": the sentence that says the words the question quotes is quoted,
/// over sentences holding more of the question's other words. One quoted word is no such evidence.
/// </summary>
public sealed class QuotedPhraseAnswerTests
{
    private static readonly string[] Sentences =
    [
        "In June the president met the security chiefs of the former Soviet states in Minsk, the state agency reported on its website.",
        "The war began long before 2014, the president told the Soviet-era security chiefs, who had gathered from Moscow, Astana and Yerevan.",
        "Probably our only mistake was that we did not settle this in 2014-2015, when the army was weak.",
        "Security chiefs from the former Soviet states heard the president speak at length about the economy and about sanctions.",
        "The chiefs of former Soviet security services later thanked the president for hosting their annual meeting near the lake.",
    ];

    [Fact]
    public void The_sentence_saying_the_quoted_words_is_quoted()
    {
        var answer = OnePassageAnswer.Write("What did the president call 'our only mistake' when he spoke to the former Soviet security chiefs in June?",
            "The president meets security chiefs", Sentences);
        Assert.Contains("2014-2015", answer.Text);
    }

    [Theory]
    [InlineData("What did he call 'our only mistake'?", "our only mistake")]
    [InlineData("How did Kabaeva's 'Alina' festival go?", null)]
    [InlineData("Why was Putin \"ready\" for talks?", null)]
    [InlineData("What did he mean by “can’t have it both ways”?", "can't have it both ways")]
    [InlineData("where was he when he said china 'can't have it both ways', that day?", "can't have it both ways")]
    public void A_quoted_phrase_is_two_words_or_more_and_no_apostrophe_starts_it(string question, string? phrase) =>
        Assert.Equal(phrase is null ? [] : [phrase], QuestionQuotes.Of(question));
}
