using TalksBot.Core.Retrieval;

namespace TalksBot.Core.Tests;

/// <summary>Who a "what did X say" question asks the words of, and which sentences give that one's words.</summary>
public sealed class StatementSpeakerTests
{
    private static readonly TextAnalyzer Analyzer = TextAnalyzer.Default;

    [Theory]
    [InlineData("What did Putin say about confrontation?", "Putin")]
    [InlineData("How did Beijing respond to Kishida's claim?", "Beijing")]
    [InlineData("And what did the Kremlin's spokesman tell reporters?", "the Kremlin's spokesman")]
    [InlineData("How did Lavrov describe the talks?", "Lavrov")]
    [InlineData("Where did the talks take place?", null)]
    public void The_speaker_is_who_the_question_asks_the_words_of(string question, string? speaker) =>
        Assert.Equal(speaker, StatementSpeaker.Of(question));

    [Fact]
    public void A_speaker_written_small_is_named_by_the_last_word_after_the_titles()
    {
        var question = "what did granvik's foreign minister halvorsen warn would happen?";
        var speaker = StatementSpeaker.Of(question)!;
        // A lowercase name is no name to the question's analysis: only the place is.
        FocusTerm[] focus = [new("granvik", 1, true, []), new("foreign", 1, false, []), new("minist", 1, false, []), new("halvorsen", 1, false, []), new("happen", 1, false, [])];
        var named = StatementSpeaker.NamedTerms(speaker, focus, Analyzer);
        Assert.Contains("halvorsen", named);
        Assert.DoesNotContain("minist", named);
        Assert.True(StatementSpeaker.Gives("\"If the city falls, nobody will sit at the table,\" Halvorsen warned.", null, named, Analyzer));
        // Its titles are no name: "what did the foreign minister say" names no one.
        Assert.Empty(StatementSpeaker.NamedTerms(StatementSpeaker.Of("what did the foreign minister say?")!, focus, Analyzer));
    }

    [Theory]
    [InlineData("Kremlin spokesman Dmitry Peskov told reporters the talks were useful.", null, true)]
    [InlineData("The talks were useful, said Kremlin spokesman Dmitry Peskov.", null, true)]
    [InlineData("The talks were useful, according to Peskov.", null, true)]
    [InlineData("Peskov's statement came after midnight.", null, true)]
    [InlineData("\"We don't need confrontation,\" he said.", "Peskov told reporters on Friday that Moscow was ready.", true)]
    [InlineData("\"We don't need confrontation,\" he said.", "The talks in Geneva ended with Peskov absent.", false)]
    [InlineData("I will say that I know agreements between Peskov and the ministry.", null, false)]
    [InlineData("According to a joint statement, Peskov agreed to attend.", null, false)]
    [InlineData("Peskov is talking about Ukraine - he said.", null, false)]
    [InlineData("The proposal will be discussed with Peskov soon, Anna Lind said.", null, false)]
    [InlineData("The proposal will likely be discussed at meetings in Moscow, Kremlin spokesman Dmitry Peskov said.", null, true)]
    [InlineData("Peskov maintained his belief that the talks were useful.", null, true)]
    [InlineData("Peskov reiterated that the talks were useful.", null, true)]
    [InlineData("Peskov remarked that the talks were useful.", null, true)]
    [InlineData("Peskov underlined that the talks were useful.", null, true)]
    public void A_sentence_gives_the_speaker_s_words_only_when_it_attributes_them(string sentence, string? previous, bool gives) =>
        Assert.Equal(gives, StatementSpeaker.Gives(sentence, previous, new HashSet<string> { Analyzer.Term("Peskov")! }, Analyzer));

    [Theory]
    [InlineData("\u201cI kept calling and begging my neighbour,\u201d he told the agency.", true)]
    [InlineData("She said the talks were useful.", true)]
    [InlineData("However, he enunciated, \u201cthe other side would have started the war on its own initiative.\u201d", true)]
    [InlineData("The agency's questions covered the economy and the harvest.", false)]
    [InlineData("\u201cWe spoke for an hour,\u201d Halvorsen told the agency.", false)]
    public void A_sentence_may_give_someone_s_words_by_a_pronoun(string sentence, bool gives) =>
        Assert.Equal(gives, StatementSpeaker.SaysByPronoun(sentence));
}
