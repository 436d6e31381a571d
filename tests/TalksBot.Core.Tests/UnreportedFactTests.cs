using TalksBot.Core.Answering;
using TalksBot.Core.Retrieval;

namespace TalksBot.Core.Tests;

public sealed class UnreportedFactTests
{
    [Theory]
    [InlineData("It is unclear how much this will cost, but will come from existing budgets.", QuestionType.Quantity)]
    [InlineData("An exact date was not given.", QuestionType.Time)]
    [InlineData("A new round is expected later this week, Zelenskyy said, without giving a date.", QuestionType.Time)]
    [InlineData("His office did not say which leaders Johnson hoped to meet or where he plans to travel.", QuestionType.Place)]
    [InlineData("His office did not say which leaders Johnson hoped to meet or where he plans to travel.", QuestionType.Person)]
    [InlineData("However, it was not given what episodes were about.", QuestionType.Other)]
    [InlineData("The cause of the blast was unclear.", QuestionType.Reason)]
    [InlineData("It remains unclear, however, how long the Kremlin can keep recruiting at this rate.", QuestionType.Duration)]
    [InlineData("The ministry declined to say when the troops would leave.", QuestionType.Time)]
    [InlineData("How long the domestic will and resources can hold out remains to be seen.", QuestionType.Duration)]
    [InlineData("No date has been set for the next round.", QuestionType.Time)]
    [InlineData("The venue has yet to be announced.", QuestionType.Place)]
    public void A_sentence_saying_a_fact_was_not_given_names_its_kind(string sentence, QuestionType kind) =>
        Assert.Contains(kind, UnreportedFact.KindsIn(sentence));

    [Theory]
    [InlineData("\"Whether they blow up buses or houses, we don't know,\" he said, without providing any evidence of such plans.")]
    [InlineData("A soldier trains at an undisclosed location in the east of the country.")]
    [InlineData("It is not clear whether those desires have survived into the new presidency.")]
    [InlineData("The talks were productive, Umerov said, without providing details.")]
    [InlineData("The package will cost 300 million euros, the ministry said.")]
    [InlineData("It remains to be seen if the sanctions will bite.")]
    [InlineData("Where the talks will lead, he said, is a question for the leaders.")]
    public void Evidence_withheld_a_quoted_doubt_or_a_hidden_place_name_no_fact_asked_for(string sentence) =>
        Assert.Empty(UnreportedFact.KindsIn(sentence));

    [Fact]
    public void Only_the_kind_the_sentence_says_was_not_given()
    {
        var kinds = UnreportedFact.KindsIn("A new round is expected later this week, Zelenskyy said, without giving a date.");
        Assert.DoesNotContain(QuestionType.Place, kinds);
        Assert.DoesNotContain(QuestionType.Quantity, kinds);
    }

    [Theory]
    [InlineData("Who was the Moscow business executive who told the Post the crisis was near?", "executive")]
    [InlineData("who is the senior official that briefed reporters?", "official")]
    [InlineData("Who was the first foreign leader Zelensky rang?", null)]
    [InlineData("Who leads Russia's delegation?", null)]
    public void A_who_question_asks_for_a_person_by_the_noun_its_description_ends_with(string question, string? role) =>
        Assert.Equal(role, UnreportedFact.DescribedPerson(question));

    [Theory]
    [InlineData("A Moscow business executive also told the Post the crisis could come soon.", true)]
    [InlineData("One senior official said the talks had stalled.", true)]
    [InlineData("An executive, Anna Berg, told the Post the crisis could come soon.", false)]
    [InlineData("Anna Berg, an executive at the bank, told the Post the crisis could come soon.", false)]
    [InlineData("The executive told the Post the crisis could come soon.", false)]
    public void A_person_spoken_of_only_as_a_kind_is_left_unnamed(string sentence, bool unnamed) =>
        Assert.Equal(unnamed, UnreportedFact.LeavesUnnamed(sentence, sentence.Contains("official") ? "official" : "executive"));

    [Theory]
    [InlineData("Holm said 55,000 soldiers had been killed, but gave no details on the number of wounded or missing servicemen.", "wounded or missing servicemen")]
    [InlineData("The ministry gave no figures for the number of displaced.", "displaced")]
    [InlineData("Holm said 55,000 soldiers had been killed.", null)]
    public void A_sentence_withholding_a_number_says_of_what(string sentence, string? what) =>
        Assert.Equal(what, UnreportedFact.WithheldCount(sentence));
}
