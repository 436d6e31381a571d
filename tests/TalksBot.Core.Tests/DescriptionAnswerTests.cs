using TalksBot.Core.Answering;

namespace TalksBot.Core.Tests;

/// <summary>
/// "What did the archbishop call the war?" is answered by the sentence that gives the war his words ("described it as
/// a “macabre regression of humanity”"), not by the sentences that say he spoke of the war, however many of the
/// question's words they hold.
/// </summary>
public sealed class DescriptionAnswerTests
{
    private static readonly string[] Sentences =
    [
        "Speaking to thousands of people in the square for his noon blessing, the archbishop again criticised the war in Ostmark.",
        "The archbishop spoke of the war at his noon blessing and of the refugees waiting in the square.",
        "Pilgrims at the noon blessing in the square held the flags of Ostmark throughout the war.",
        "On Sunday the archbishop described the war as a \"macabre regression of humanity\" that makes him suffer and cry.",
        "The war in Ostmark has gone on for three years, the archbishop's office said at the blessing.",
    ];

    [Fact]
    public void The_sentence_giving_the_thing_its_words_is_quoted()
    {
        var answer = OnePassageAnswer.Write("What did the archbishop call the war at his noon blessing?", "The archbishop's blessing", Sentences);
        Assert.True(answer.Text.Contains("macabre regression"), answer.Text);
    }

    [Theory]
    [InlineData("What did the Pope call the war?", true)]
    [InlineData("How did the negotiator describe the talks?", true)]
    [InlineData("what did he compare the media to?", true)]
    [InlineData("What did the Pope say about the war?", false)]
    [InlineData("Who called the meeting?", false)]
    [InlineData("How does the president say he sees handing over the region?", true)]
    [InlineData("How did the minister view the deal?", true)]
    [InlineData("Did the minister see the deal?", false)]
    [InlineData("the minister met the president on 22 Feb - what did he say it felt like?", true)]
    [InlineData("What did the minister feel like doing?", false)]
    public void A_question_asks_for_the_words_given_a_thing_by_its_verb(string question, bool asks) =>
        Assert.Equal(asks, AnswerCandidates.AsksDescription(question));

    [Theory]
    [InlineData("The negotiator described the talks as “difficult but businesslike”.", true)]
    [InlineData("He likened the media to artillery.", true)]
    [InlineData("Invading would be a “self-inflicted wound”, he warned.", true)]
    [InlineData("She called it a disgrace.", true)]
    [InlineData("The negotiator spoke about the talks on Friday.", false)]
    [InlineData("I see it as abandonment - weakening our positions.", true)]
    [InlineData("I see the region every day.", false)]
    [InlineData("The sombre discussion felt like a “doctor-patient conversation”, he recalled.", true)]
    [InlineData("He called the invasion “the most egregious act of aggression in Europe”.", true)]
    public void A_sentence_gives_a_thing_words_by_the_verb_or_a_verdict(string sentence, bool gives) =>
        Assert.Equal(gives, AnswerCandidates.GivesDescription(sentence));

    [Fact]
    public void The_sentence_describing_the_thing_asked_about_wins_over_quotes_on_other_things()
    {
        var answer = OnePassageAnswer.Write("How did spy chief Odo Berg describe the invasion when he spoke at Lunde in July?", "Berg at Lunde",
        [
            "Spy chief Odo Berg said the army had seen \"epic fails\" in its first goals.",
            "The spy chief said a success would be an \"important reminder\" to the rest of the region.",
            "He called the invasion \"the most egregious naked act of aggression in the region\".",
            "He was speaking at the Lunde forum in July, in a rare public appearance.",
        ], names: new HashSet<string> { "odo", "berg" });
        Assert.True(QuotedSentences.Of(answer).First().Quote.Contains("most egregious"), answer.Text);
    }
}
