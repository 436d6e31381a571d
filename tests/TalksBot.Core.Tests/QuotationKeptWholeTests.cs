using TalksBot.Core.Answering;

namespace TalksBot.Core.Tests;

/// <summary>
/// The quotation an extractive answer leads with is not cut off after its first sentence: the sentence that goes on
/// with it (and closes it) follows, in the place of the last pick when the answer is full.
/// </summary>
public sealed class QuotationKeptWholeTests
{
    private static Answer Answer(string question, params string[] sentences) => OnePassageAnswer.Write(question, "The first call", sentences);

    private const string Question = "What did Halvorsen ask Brandt, his friend, on the first call?";

    [Fact]
    public void The_rest_of_a_quotation_the_answer_leads_with_follows_it()
    {
        var answer = Answer(Question,
            "“I want to ask you, Brandt, as a friend on this first call, what Halvorsen asks of every friend.",
            "Phone the Granvik leader directly and stop the shelling,” he said, his voice hoarse.",
            "Halvorsen and Brandt spoke on the first call for ten minutes.",
            "Brandt was the first friend Halvorsen rang that morning.",
            "Halvorsen later asked Brandt about the friend's plans.");
        var quoted = QuotedSentences.Of(answer).Select(q => q.Quote).ToList();
        Assert.Equal(3, quoted.Count);
        int opening = quoted.FindIndex(q => q.StartsWith('“'));
        Assert.True(opening >= 0, answer.Text);
        Assert.StartsWith("Phone the Granvik leader directly", quoted[opening + 1]);
    }

    [Fact]
    public void The_sentence_kept_for_its_answer_is_not_the_one_that_gives_way()
    {
        var answer = OnePassageAnswer.Write("Where were the prisoners of war sent after the exchange on Thursday?", "Prisoners come home",
        [
            "“The exchange of prisoners of war on Thursday was the first since the talks began, and the prisoners of war were glad.",
            "Nobody expected it so soon,” the mediators said in a statement.",
            "Both sides called the prisoner of war exchange on Thursday a sign of goodwill between the delegations.",
            "The prisoners of war exchange on Thursday followed weeks of quiet negotiation by the mediators.",
            "The freed soldiers were then sent on to Belarus for medical checks.",
        ], t => t == TalksBot.Core.Retrieval.TextAnalyzer.Default.Term("sent") ? 0.2 : 1);
        Assert.True(answer.Text.Contains("Nobody expected it so soon"), answer.Text);
        Assert.True(answer.Text.Contains("sent on to Belarus"), answer.Text);
    }

    [Fact]
    public void A_closed_quotation_brings_nothing_along()
    {
        var answer = Answer(Question,
            "“I want to ask you, Brandt, as a friend on this first call, what Halvorsen asks of every friend.”",
            "Phone the Granvik leader directly and stop the shelling, he said, his voice hoarse.",
            "Halvorsen and Brandt spoke on the first call for ten minutes.",
            "Brandt was the first friend Halvorsen rang that morning.",
            "Halvorsen later asked Brandt about the friend's plans.");
        Assert.DoesNotContain("Phone the Granvik leader", answer.Text);
    }

    [Fact]
    public void A_lead_that_points_back_at_a_remark_is_preceded_by_the_sentence_that_makes_it()
    {
        var answer = OnePassageAnswer.Write("What did Halvorsen say wins wars, at his year-end press conference?", "Schools",
        [
            "The minister has pushed schools hard this winter.",
            "Halvorsen made a sweeping proclamation: “Wars are won by teachers.”",
            "The remark, which Halvorsen repeated twice during his year-end press conference, showed what he wants from schools.",
            "Schools must now teach a course on the war, officials said.",
        ], t => t is "year" or "end" or "press" or "confer" ? 3 : 1);
        var quoted = QuotedSentences.Of(answer).Select(q => q.Quote).ToList();
        int remark = quoted.FindIndex(q => q.StartsWith("The remark"));
        Assert.True(remark > 0, answer.Text);
        Assert.StartsWith("Halvorsen made a sweeping proclamation", quoted[remark - 1]);
    }

    [Fact]
    public void A_why_answer_leading_with_a_consequence_is_preceded_by_its_cause()
    {
        var answer = OnePassageAnswer.Write("Why is Halvorsen's tolerance for pain and risk in this war so high?", "The war's costs",
        [
            "The costs of the war have led many analysts to assume Halvorsen wants it to end.",
            "Instead, he views the war as the latest stage of a century-long struggle, essential to his place in history.",
            "Thus, Halvorsen's pain and risk tolerance in this war is incredibly high.",
            "Losses in the war keep rising, officials said.",
        ], t => t is "toler" or "pain" or "risk" ? 3 : 1);
        var quoted = QuotedSentences.Of(answer).Select(q => q.Quote).ToList();
        int consequence = quoted.FindIndex(q => q.StartsWith("Thus,"));
        Assert.True(consequence > 0, answer.Text);
        Assert.StartsWith("Instead, he views the war", quoted[consequence - 1]);
    }

    [Fact]
    public void A_why_answer_pointing_back_at_its_cause_is_preceded_by_it_wherever_it_stands()
    {
        var answer = OnePassageAnswer.Write("Why did Halvorsen say it had become hard to talk about anything with the envoys?", "Halvorsen on the talks",
        [
            "Halvorsen said he still wanted to meet the envoys because the talks matter.",
            "The ruins left in the occupied towns have made the talks tenuous, he said.",
            "\"After Lunde and Marsk people just want to fight them.",
            "When there is such attitude, it is hard to talk about anything.\"",
        ], t => t is "hard" or "talk" or "anyth" ? 3 : 1);
        var quoted = QuotedSentences.Of(answer).Select(q => q.Quote).ToList();
        int pointer = quoted.FindIndex(q => q.StartsWith("When there is such attitude"));
        Assert.True(pointer > 0, answer.Text);
        Assert.Contains("After Lunde and Marsk", quoted[pointer - 1]);
    }

    [Fact]
    public void A_glued_run_too_long_to_quote_is_read_as_its_sentences()
    {
        var filler = string.Concat(Enumerable.Repeat("The summit went on with talks about the alliance and its plans for the region.", 6));
        var answer = OnePassageAnswer.Write("Which military expert told Radio Lunde the results should satisfy Granvik?", "The summit",
        [
            filler + "In turn, the military expert Serhij Brandt said on Radio Lunde that so far the results should be satisfactory for Granvik.The expert added that the army has been preparing for years.",
        ]);
        var quote = Assert.Single(QuotedSentences.Of(answer).Select(q => q.Quote), q => q.Contains("Serhij Brandt"));
        Assert.StartsWith("In turn, the military expert", quote);
        Assert.EndsWith("satisfactory for Granvik.", quote);
    }

    [Fact]
    public void What_someone_said_is_chosen_by_what_it_was_about_more_than_by_the_name()
    {
        var answer = OnePassageAnswer.Write("What did Halvorsen say he kept begging his neighbour to do?", "An interview",
        [
            "“I kept calling and begging my neighbour,” he told the agency later that day.",
            "The agency's questions covered the economy and the harvest.",
            "“We spoke about my neighbour for an hour,” Halvorsen told the agency later that day.",
        ], t => t == "halvorsen" ? 3 : 1, new HashSet<string> { "halvorsen" });
        Assert.True(QuotedSentences.Of(answer).Select(q => q.Quote).First().Contains("kept calling and begging"), answer.Text);
    }

    [Fact]
    public void A_quotation_the_answer_leads_with_from_its_middle_is_preceded_by_its_opening()
    {
        var answer = OnePassageAnswer.Write("What did opposition leader Odo Berg say about the Granvik summit in July?", "The Granvik summit",
        [
            "Few leaders came to the summit.",
            "“I don't think this moment in time is a good time for summits.",
            "Because Granvik is at war with its neighbour,” said Odo Berg, the opposition leader, of the Granvik summit in July.",
        ], t => t is "berg" or "odo" or "summit" or "granvik" ? 3 : 1, new HashSet<string> { "berg", "odo", "granvik" });
        var quoted = QuotedSentences.Of(answer).Select(q => q.Quote).ToList();
        int closing = quoted.FindIndex(q => q.StartsWith("Because Granvik"));
        Assert.True(closing > 0, answer.Text);
        Assert.StartsWith("“I don't think this moment", quoted[closing - 1]);
    }

    [Fact]
    public void What_someone_said_is_begun_where_it_begins_even_when_the_answer_is_full()
    {
        // The words asked for open in the sentence before the one that names the speaker; other sentences about the
        // meeting would fill the answer without them.
        var answer = OnePassageAnswer.Write("What did Berg tell reporters at the Capri meeting about Granvik's power grid?", "The Capri meeting",
        [
            "Without more air defences, “the power grid will be destroyed.",
            "And no country can fight without a power grid at home,” Berg told reporters at the Capri meeting about Granvik.",
            "Berg arrived at the Capri meeting by ferry on Tuesday morning.",
            "Berg spoke to reporters on Capri before the ministers' dinner.",
            "Capri hosted the meeting, with Berg chairing the first session.",
        ], t => t is "berg" or "capri" ? 3 : 1, new HashSet<string> { "berg", "capri", "granvik" });
        var quoted = QuotedSentences.Of(answer).Select(q => q.Quote).ToList();
        int closing = quoted.FindIndex(q => q.StartsWith("And no country can fight"));
        Assert.True(closing > 0, answer.Text);
        Assert.True(quoted[closing - 1].Contains("will be destroyed"), answer.Text);
    }

    [Fact]
    public void A_stray_straight_mark_brings_no_sentence_along()
    {
        var answer = OnePassageAnswer.Write("Why did Granvik put sanctions on Ostmark, according to Berg?", "Sanctions",
        [
            "See the video of the tanks shown in Ostbury.",
            "Berg admitted that Granvik is in crisis, but \"not because of sanctions on Ostmark, but because of the war.",
        ], t => t is "berg" or "sanction" ? 3 : 1, new HashSet<string> { "berg" });
        Assert.DoesNotContain("See the video", answer.Text);
    }
}
