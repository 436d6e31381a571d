using TalksBot.Core.Answering;

namespace TalksBot.Core.Tests;

/// <summary>
/// "Who wrote that article…?" is answered by the report's byline or its author's note ("Lars Berg is a research fellow
/// at…"), not by a name in its story.
/// </summary>
public sealed class AuthorLineAnswerTests
{
    [Fact]
    public void The_author_note_answers_who_wrote_the_piece()
    {
        var answer = OnePassageAnswer.Write("Who wrote that anniversary article saying it is time to stop underestimating Granvik?",
            "Time to stop underestimating Granvik",
            [
                "Four years on, Ostmark's leaders still underestimate Granvik, said President Holm at the anniversary parade.",
                "General Vasko, who commanded the first assault, had expected the war to be over in weeks.",
                "It is time to stop underestimating Granvik and its army, the article argues.",
                "Speaking on the anniversary, analyst Petra Lind said it was time to stop underestimating Granvik.",
                "Ostmark's generals wrote off Granvik before the war, an article in the Ostmark Herald said on the anniversary.",
                "Lars Berg is a research fellow at the Granvik Institute for Strategic Studies.",
            ]);
        Assert.Contains("Lars Berg is a research fellow", answer.Text);
    }

    [Theory]
    [InlineData("Faith endures as war marks 4th anniversary by Katarzyna Szalajko 10:41 AM February 5, 2026", true)]
    [InlineData("Katarzyna Szalajko writes for OSV News from Warsaw, Poland.", true)]
    [InlineData("Mykola Bielieskov is a research fellow at the National Institute for Strategic Studies.", true)]
    [InlineData("Another brilliant piece by Simon Jenkins (on the war, 28 April).", true)]
    [InlineData("Brief by  Seth G. Jones and Riley McCabe", true)]
    [InlineData("The treaty was signed by Vladimir Putin in 2022.", false)]
    [InlineData("Archbishop Shevchuk is a senior figure of the church, the report says.", false)]
    public void A_byline_or_author_note_names_the_writer(string sentence, bool isAuthor) =>
        Assert.Equal(isAuthor, AnswerCandidates.IsAuthorLine(sentence, "Who wrote that OSV News article on the archbishop?"));

    [Theory]
    [InlineData("who wrote that atlantic council article for the 4th anniversary?", true)]
    [InlineData("Who did that OSV News interview with Archbishop Shevchuk?", true)]
    [InlineData("who wrote the CSIS brief in late Jan 2026 on Russia's losses?", true)]
    [InlineData("Who wrote to the president asking for more tanks?", false)]
    public void Who_wrote_the_piece_asks_for_its_author(string question, bool asks) =>
        Assert.Equal(asks, AnswerCandidates.AsksAuthor(question));
}
