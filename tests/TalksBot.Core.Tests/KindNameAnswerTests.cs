using TalksBot.Core.Answering;

namespace TalksBot.Core.Tests;

/// <summary>
/// "Which Jesuit magazine did the bishop tell…?" is answered by the name beside the kind asked for ("…, he told Jesuit
/// magazine Nova Vita"), not by the quotation that restates the question or the line after it.
/// </summary>
public sealed class KindNameAnswerTests
{
    private static readonly string[] Sentences =
    [
        "In an interview published on June 18, the bishop said that the war was \"perhaps somehow either provoked or not prevented.\"",
        "\"Someone can tell me at this point: but you are in favour of the general!",
        "No, I am not,\" he told Jesuit magazine Nova Vita.",
        "\"It would be simplistic and wrong to say such a thing.\"",
    ];

    [Fact]
    public void The_name_beside_the_kind_asked_for_is_quoted()
    {
        var answer = OnePassageAnswer.Write("Which Jesuit magazine did the bishop tell in June that the war was 'perhaps somehow either provoked or not prevented'?",
            "The bishop's interview", Sentences);
        Assert.Contains("Nova Vita", answer.Text);
    }

    [Theory]
    [InlineData("Tanks gathered at Millerovo Airfield, 16 miles from the border.", "Which airfield did the tanks gather at?", "airfield", true)]
    [InlineData("He told the magazine the war was provoked.", "Which magazine did he tell?", "magazine", false)]
    [InlineData("He told Jesuit magazine readers in June the war was provoked.", "Which Jesuit magazine did he tell?", "magazine", false)]
    [InlineData("He spoke to the weekly magazine Nova Vita in June.", "Which magazine did he speak to?", "magazine", true)]
    [InlineData("The general staff said the Afipsky oil refinery was hit overnight.", "Which oil refinery did the general staff say was hit?", "refinery", true)]
    [InlineData("The general staff said an oil refinery in the Krasnodar region was hit.", "Which oil refinery in Krasnodar region was hit?", "refinery", false)]
    [InlineData("The posts appeared on Zarnitsa, a radical outlet with 2.5 million followers.", "Which radical outlet ran the posts?", "outlet", true)]
    [InlineData("The posts appeared on Zarnitsa, and an outlet in Lunde copied them.", "Which outlet ran the posts?", "outlet", false)]
    public void A_name_the_question_lacks_beside_the_kind_answers(string sentence, string question, string kind, bool names) =>
        Assert.Equal(names, AnswerCandidates.NamesKind(sentence, question, kind));

    [Theory]
    [InlineData("In March, Russian oil firm Kolvatek called for an end to the conflict.", "company", true)]
    [InlineData("In March, a Russian oil firm called for an end to the conflict.", "company", false)]
    [InlineData("He said so to the daily Vesti Lunde on Monday.", "newspaper", true)]
    [InlineData("The charity Bright Road sent the convoy.", "organisation", true)]
    public void A_kind_is_named_by_any_word_reports_use_for_it(string sentence, string kind, bool names) =>
        Assert.Equal(names, AnswerCandidates.NamesKind(sentence, "Which Russian company called for the fighting to end?", kind));

    [Theory]
    [InlineData("Which institute puts it out?", "institute")]
    [InlineData("which company owns the tanker?", "company")]
    [InlineData("Which oil refinery was hit?", "refinery")]
    public void The_kind_asked_for_ends_where_its_verb_begins(string question, string kind) =>
        Assert.Equal(kind, TalksBot.Core.Retrieval.PassageRetriever.NamedKind(question, TalksBot.Core.Retrieval.TextAnalyzer.Default));
}
