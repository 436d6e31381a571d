using TalksBot.Core.Answering;
using TalksBot.Core.Retrieval;
using TalksBot.Testing;

namespace TalksBot.Index.Sqlite.Tests;

/// <summary>
/// A report that tells of the event and says the fact asked for was not given ("It is unclear how much this will
/// cost", "…, without giving a date") grounds no answer of that kind, whatever other figure or date it gives; it still
/// grounds a question of another kind, and a report that gives the fact grounds it. Nor does a report published before
/// the day the question asks about tell what happened that day.
/// </summary>
public sealed class NotGivenGroundingTests : IDisposable
{
    private readonly TempIndex _db = new();

    public void Dispose() => _db.Dispose();

    private static string Answer(RetrievalResult result) => new ExtractiveAnswerWriter(TextAnalyzer.Default).Write(result).Text;

    [Fact]
    public async Task A_cost_the_report_calls_unclear_is_not_answered_with_another_figure()
    {
        const string Body = "The Granvik defence ministry will send its largest package of patrol boats and missiles to the coast guard, "
            + "and 500 million euros of new funding from reserves. "
            + "It is unclear how much the package will cost, but the money will come from existing budgets.";
        var retriever = await _db.RetrieverOverAsync(Articles.Make("Granvik sends boats", Body));
        var cost = await retriever.RetrieveAsync("How much will the Granvik package of patrol boats and missiles cost?", default);
        Assert.False(cost.Covered, "the report says the cost is unclear; 500 million kroner is other money");
        Assert.Contains("isn't known", cost.Grounding?.Reason);

        using var other = new TempIndex();
        var told = await other.RetrieverOverAsync(Articles.Make("Granvik sends boats",
            "The Granvik defence ministry will send its largest package of patrol boats and missiles to the coast guard. "
            + "The package will cost 300 million euros, the ministry said."));
        var answered = await told.RetrieveAsync("How much will the Granvik package of patrol boats and missiles cost?", default);
        Assert.True(answered.Covered, answered.Grounding?.Reason);
        Assert.Contains("300 million euros", Answer(answered));
    }

    [Fact]
    public async Task A_date_not_given_leaves_the_place_that_is_given_answerable()
    {
        var retriever = await _db.RetrieverOverAsync(Articles.Make("Next round",
            "A new round of talks between Granvik and Ostmark is expected next week, the Granvik foreign minister said, without giving a date. "
            + "The talks will again be held in Istanbul, he said."));
        var when = await retriever.RetrieveAsync("On what date will the next round of talks between Granvik and Ostmark be held?", default);
        Assert.False(when.Covered, "the report says the date was not given");

        var where = await retriever.RetrieveAsync("Where will the next round of talks between Granvik and Ostmark be held?", default);
        Assert.True(where.Covered, where.Grounding?.Reason);
        Assert.Contains("Istanbul", Answer(where));
    }

    [Fact]
    public async Task A_person_the_report_leaves_unnamed_is_not_answered_with_another_name()
    {
        var retriever = await _db.RetrieverOverAsync(Articles.Make("Granvik's economy",
            "Officials warned President Holm that a financial crisis could hit Granvik by the summer, sources told the Herald. "
            + "A Granvik business executive also told the Herald that the crisis could arrive in three or four months."));
        var unnamed = await retriever.RetrieveAsync("Who was the Granvik business executive who told the Herald the crisis could come in three or four months?", default);
        Assert.False(unnamed.Covered, "the report names no executive; Holm is the president");
        Assert.Contains("doesn't name the executive", unnamed.Grounding?.Reason);

        using var other = new TempIndex();
        var named = await (await other.RetrieverOverAsync(Articles.Make("Granvik's economy",
            "Officials warned President Holm that a financial crisis could hit Granvik by the summer, sources told the Herald. "
            + "Lars Berg, a Granvik business executive, also told the Herald that the crisis could arrive in three or four months.")))
            .RetrieveAsync("Who was the Granvik business executive who told the Herald the crisis could come in three or four months?", default);
        Assert.True(named.Covered, named.Grounding?.Reason);
        Assert.Contains("Lars Berg", Answer(named));
    }

    [Fact]
    public async Task A_report_from_before_the_day_asked_about_tells_no_outcome_of_it()
    {
        var retriever = await _db.RetrieverOverAsync(Articles.Make("Tribunal talks",
            "The Granvik council is due to discuss support for a special tribunal on 13 September. Officials expect a long debate.",
            published: new DateOnly(2022, 9, 8)));
        const string Question = "What did the Granvik council decide when it discussed the special tribunal on 13 September 2022?";
        var before = await retriever.RetrieveAsync(Question, default);
        Assert.False(before.Covered, "a report of 8 September tells what was planned for the 13th, not what was decided");
        Assert.Contains("before 13 Sep 2022", before.Grounding?.Reason);

        using var other = new TempIndex();
        var after = await (await other.RetrieverOverAsync(Articles.Make("Tribunal backed",
            "On 13 September the Granvik council discussed the special tribunal and decided to back it, officials said.",
            published: new DateOnly(2022, 9, 14)))).RetrieveAsync(Question, default);
        Assert.True(after.Covered, after.Grounding?.Reason);
        Assert.Contains("decided to back it", Answer(after));

        // With both reports indexed, the earlier one, holding more of the question's words, gives way to the one that
        // can tell what happened.
        using var both = new TempIndex();
        var retrieverOfBoth = await both.RetrieverOverAsync(
            Articles.Make("Tribunal talks", "The Granvik council is due to discuss the special tribunal on 13 September, when it will decide its support. Officials expect a long debate.",
                published: new DateOnly(2022, 9, 8)),
            Articles.Make("Council vote", "The Granvik council discussed the tribunal on Tuesday and decided to back it, officials said.",
                published: new DateOnly(2022, 9, 14)));
        var told = await retrieverOfBoth.RetrieveAsync(Question, default);
        Assert.True(told.Covered, told.Grounding?.Reason);
        Assert.Equal("Council vote", told.Passages[0].Article.Title);
    }

    [Fact]
    public async Task A_report_from_before_the_month_asked_about_tells_no_figure_of_it()
    {
        var retriever = await _db.RetrieverOverAsync(Articles.Make("Front line report",
            "Granvik servicemen took four Ostmark soldiers prisoner near Lunde on 31 January, the general staff said.",
            published: new DateOnly(2026, 2, 1)));
        var mid = await retriever.RetrieveAsync("How many Ostmark soldiers did Granvik take prisoner in its mid-February 2026 counterattacks near Lunde?", default);
        Assert.False(mid.Covered, "a report of 1 February can't count the prisoners of mid-February");
        Assert.Contains("before 10 Feb 2026", mid.Grounding?.Reason);

        var january = await retriever.RetrieveAsync("How many Ostmark soldiers did Granvik take prisoner near Lunde in late January 2026?", default);
        Assert.True(january.Covered, january.Grounding?.Reason);
        Assert.Contains("four", Answer(january));
    }

    [Fact]
    public async Task The_outlet_a_question_names_as_its_setting_is_held_by_its_report()
    {
        var retriever = await _db.RetrieverOverAsync(Articles.Make("Granvik's grinding war",
            "According to the Lunde Centre, price growth has long been the top worry, and in June 2025, 58 percent of respondents named it the country's most acute issue.",
            outlet: "Brennan Institute"),
            Articles.Make("Think tanks", "The Brennan Institute publishes a brief on the war every month."));
        var share = await retriever.RetrieveAsync("What share of respondents named price growth the country's most acute issue in June 2025, going by the Lunde Centre in the Brennan brief?", default);
        Assert.True(share.Covered, share.Grounding?.Reason);
        Assert.Contains("58 percent", Answer(share));
    }

    [Fact]
    public async Task A_sentence_giving_one_figure_and_withholding_another_answers_only_the_one_it_gives()
    {
        var retriever = await _db.RetrieverOverAsync(Articles.Make("Losses",
            "President Holm said this week that about 5,500 Granvik soldiers had been killed on the battlefield, but gave no details on the number of wounded soldiers."));
        var killed = await retriever.RetrieveAsync("How many Granvik soldiers have been killed, according to Holm?", default);
        Assert.True(killed.Covered, killed.Grounding?.Reason);
        Assert.Contains("5,500", Answer(killed));

        var wounded = await retriever.RetrieveAsync("How many Granvik soldiers have been wounded, according to Holm?", default);
        Assert.False(wounded.Covered, "the report gives no number of wounded");
    }

    [Fact]
    public async Task Who_did_something_needs_a_passage_telling_the_deed()
    {
        var retriever = await _db.RetrieverOverAsync(Articles.Make("Security council meets",
            "The president heard reports from the Granvik army chief Lars Berg, defence minister Anna Lind and intelligence head Per Holm."),
            Articles.Make("Bridge works", "The old Ostmark bridge was replaced last year by a wider one."));
        var none = await retriever.RetrieveAsync("Who replaced Lars Berg as the Granvik army chief?", default);
        Assert.False(none.Covered, "the report names Berg as army chief and replaces nobody");
        Assert.Contains("who replaced", none.Grounding?.Reason);

        using var other = new TempIndex();
        var told = await (await other.RetrieverOverAsync(Articles.Make("New army chief",
            "Anna Lind replaced Lars Berg as the Granvik army chief in February, the president's office said.")))
            .RetrieveAsync("Who replaced Lars Berg as the Granvik army chief?", default);
        Assert.True(told.Covered, told.Grounding?.Reason);
        Assert.Contains("Anna Lind", Answer(told));
    }
}
