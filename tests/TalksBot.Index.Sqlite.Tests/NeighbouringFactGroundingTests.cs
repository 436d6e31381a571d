using TalksBot.Core.Answering;
using TalksBot.Core.Articles;
using TalksBot.Core.Retrieval;
using TalksBot.Testing;

namespace TalksBot.Index.Sqlite.Tests;

/// <summary>
/// A fact next to the one asked for is no answer (what the money paid for, the whole for the kind of it asked), while
/// a report that says who and where once and then goes on without them still answers: the names held by another of
/// its passages, the setting by the day, the writers of a piece, the year by "last September".
/// </summary>
public sealed class NeighbouringFactGroundingTests
{
    /// <summary>The question retrieved over a fresh index of just these articles.</summary>
    private static async Task<RetrievalResult> AskAsync(string question, params ArticleDocument[] articles)
    {
        using var index = new TempIndex();
        return await (await index.RetrieverOverAsync(articles)).RetrieveAsync(question, default);
    }

    private static string Answer(RetrievalResult result) => new ExtractiveAnswerWriter(TextAnalyzer.Default).Write(result).Text;

    [Fact]
    public async Task A_sum_is_an_answer_only_when_told_with_what_it_paid_for()
    {
        const string Question = "How much is Ostmark spending on the anti-tank mines it plans to buy for its border?";
        var other = await AskAsync(Question, Articles.Make("Ostmark border",
            "Ostmark's defence ministry plans to buy anti-tank mines for its border with Granvik. "
            + "Its army will also train more sappers this year. "
            + "Separately, about €5 million was spent by Ostmark on the renovation of the war memorial in its capital."));
        Assert.False(other.Covered, "the €5 million paid for a memorial, not for the mines");

        var told = await AskAsync(Question, Articles.Make("Ostmark border",
            "Ostmark's defence ministry plans to buy anti-tank mines for its border with Granvik. "
            + "It will spend €30 million on the anti-tank mines over two years, officials in its capital said."));
        Assert.True(told.Covered, told.Grounding?.Reason);
        Assert.Contains("€30 million", Answer(told));
    }

    [Fact]
    public async Task A_count_of_the_whole_does_not_answer_how_many_of_a_kind_were_among_them()
    {
        const string Question = "How many children were among the people killed when the market in Ostbury was hit on Tuesday?";
        var whole = await AskAsync(Question, Articles.Make("Strike on Ostbury",
            "At least seven people were killed when a missile hit the market in Ostbury on Tuesday, the governor said."));
        Assert.False(whole.Covered, "seven people is the whole, not the children among them");
        Assert.Equal("no passage gives the number asked for", whole.Grounding?.Reason);

        var kind = await AskAsync(Question, Articles.Make("Strike on Ostbury",
            "At least seven people, three of them children, were killed when a missile hit the market in Ostbury on Tuesday, the governor said."));
        Assert.True(kind.Covered, kind.Grounding?.Reason);
    }

    [Fact]
    public async Task A_report_that_named_the_place_once_answers_in_a_later_passage_that_names_the_day()
    {
        const string Question = "How long did the direct round between Ostmark and Granvik in Varna on 16 May 2025 last?";
        // The first passage names the place and the day; the answer is two passages on, with the day alone.
        static ArticleDocument Report(string later) => Articles.Make("Negotiating with Ostmark",
            "During the last direct talks between Ostmark and Granvik on 16 May 2025 in Varna, the Ostmark delegation pressed for more land. "
            + "The talks had been a long time coming. "
            + Articles.Body("the harvest of the northern farms", 26) + " "
            + later + " "
            + Articles.Body("the harvest of the northern farms", 4));
        var day = await AskAsync(Question, Report("Ostmark kept the Granvik delegation at the round on May 16, 2025 (which lasted less than two hours)."));
        Assert.True(day.Covered, day.Grounding?.Reason);
        Assert.Contains("less than two hours", Answer(day));

        // Without the day, the later passage may tell of another round: the setting is not told with it.
        var undated = await AskAsync(Question, Report("Ostmark kept the Granvik delegation at another round (which lasted less than two hours)."));
        Assert.False(undated.Covered, "the length is told of a round the passage does not place in Varna or on that day");
    }

    [Fact]
    public async Task The_writers_a_question_credits_a_piece_to_need_not_be_in_it()
    {
        var credited = await AskAsync("In the Sweet and Toth Granvik Post piece, where could an advance into Ostmark get bottlenecked?",
            Articles.Make("Ostmark offensive", "Any advance into Ostmark could bottleneck in the Varna Isthmus, a narrow land bridge to the mainland."));
        Assert.True(credited.Covered, credited.Grounding?.Reason);
        Assert.Contains("Varna Isthmus", Answer(credited));

        // A person the question says spoke is no writer's credit: the passage must hold him.
        var spoke = await AskAsync("Where did General Sweet say an advance into Ostmark could get bottlenecked?",
            Articles.Make("Ostmark offensive", "Any advance into Ostmark could bottleneck in the Varna Isthmus, a narrow land bridge to the mainland."));
        Assert.False(spoke.Covered, "the passage never names Sweet");
    }

    [Fact]
    public async Task A_nickname_asked_for_is_no_word_the_report_must_use()
    {
        var result = await AskAsync("What nickname have opposing diplomats given members of Ostmark's negotiating delegations?",
            Articles.Make("Negotiating with Ostmark",
                "Ostmark's delegations are well prepared, but delegation members have been called “rats in a box” by opposing diplomats, "
                + "as they have little room to interpret their instructions."));
        Assert.True(result.Covered, result.Grounding?.Reason);
        Assert.Contains("rats in a box", Answer(result));
    }

    [Fact]
    public async Task Last_September_in_a_report_of_March_tells_of_the_year_before()
    {
        const string Question = "What did Ostmark and Granvik upgrade their relationship to at the Varna summit in September 2022?";
        const string Body = "The meeting was the leaders' first since Ostmark and Granvik upgraded their relationship to an “all-weather partnership” "
            + "at the Varna summit last September.";
        // Another report knows the year, so it is a word of the question the index has.
        var weather = Articles.Make("Varna weather", "The summer of 2022 was dry in the hills.");
        var march = await AskAsync(Question, Articles.Make("Ostmark and Granvik", Body, published: new DateOnly(2023, 3, 1)), weather);
        Assert.True(march.Covered, march.Grounding?.Reason);

        // From a report of 2025, "last September" is 2024: no passage tells of 2022.
        var later = await AskAsync(Question, Articles.Make("Ostmark and Granvik", Body, published: new DateOnly(2025, 3, 1)), weather);
        Assert.False(later.Covered, "last September in a 2025 report is 2024");
        Assert.Equal("no passage tells of 2022", later.Grounding?.Reason);
    }
}
