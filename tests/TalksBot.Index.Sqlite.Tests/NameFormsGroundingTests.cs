using TalksBot.Core.Answering;
using TalksBot.Core.Articles;
using TalksBot.Core.Retrieval;
using TalksBot.Testing;

namespace TalksBot.Index.Sqlite.Tests;

/// <summary>
/// A name the question writes one way and the article another still grounds the answer: a short form for the name
/// written out, an abbreviated month, a person the title or an earlier sentence names. Each case is refused when the
/// name is not held at all. (A country's people and Polish spellings meet their names in TextAnalyzerTests.) And a
/// follow-up's context, the question it leans on, weighs less than the follow-up's own words.
/// </summary>
public sealed class NameFormsGroundingTests : IDisposable
{
    private readonly TempIndex _db = new();

    public void Dispose() => _db.Dispose();

    private Task<PassageRetriever> IndexAsync(params ArticleDocument[] articles) => _db.RetrieverOverAsync(articles);

    private static string Answer(RetrievalResult result) => new ExtractiveAnswerWriter(TextAnalyzer.Default).Write(result).Text;

    [Fact]
    public async Task A_short_form_is_held_by_the_name_written_out()
    {
        var retriever = await IndexAsync(Articles.Make("Resolution on Granvik",
            "At the United Nations, 141 member states backed the Granvik resolution. During the Second World War, 300 houses in Granvik were burned."));
        var members = await retriever.RetrieveAsync("How many member states of the UN backed the Granvik resolution?", default);
        Assert.True(members.Covered, members.Grounding?.Reason);
        Assert.Contains("141 member states", Answer(members));
        var war = await retriever.RetrieveAsync("How many houses in Granvik were burned in WWII?", default);
        Assert.True(war.Covered, war.Grounding?.Reason);
        Assert.Contains("300 houses", Answer(war));

        // The short form of another name is not held: the EU is not the United Nations.
        var eu = await retriever.RetrieveAsync("How many member states of the EU backed the Granvik resolution?", default);
        Assert.False(eu.Covered, "the EU is named nowhere");
    }

    [Fact]
    public async Task A_short_form_after_a_capitalised_word_is_a_name_of_its_own_not_a_phrase()
    {
        var retriever = await IndexAsync(Articles.Make("Letters",
            "The allied cemeteries from the second world war in Granvik hold 1,200 graves, kept neat by volunteers."));
        var result = await retriever.RetrieveAsync("How many graves are in the Allied WWII cemeteries in Granvik?", default);
        Assert.True(result.Covered, result.Grounding?.Reason);
        Assert.Contains("1,200 graves", Answer(result));
    }

    [Fact]
    public async Task An_abbreviated_month_is_the_month_not_a_name()
    {
        var retriever = await IndexAsync(Articles.Make("Curfew",
            "On February 4 the Granvik mayor announced a curfew from ten in the evening."));
        var result = await retriever.RetrieveAsync("What did the Granvik mayor announce on Feb 4?", default);
        Assert.True(result.Covered, result.Grounding?.Reason);
        Assert.Contains("curfew", Answer(result));
    }

    [Fact]
    public async Task A_person_the_title_names_is_held_by_the_report_that_calls_him_the_president()
    {
        var retriever = await IndexAsync(Articles.Make("Zelensky meets council leaders in Granvik",
            "The Ukrainian president asked the council for 90 billion euros in loans for the next two years."));
        var result = await retriever.RetrieveAsync("How much did Zelensky ask the council for in loans?", default);
        Assert.True(result.Covered, result.Grounding?.Reason);
        Assert.Contains("90 billion euros", Answer(result));

        var other = await retriever.RetrieveAsync("How much did Orban ask the council for in loans?", default);
        Assert.False(other.Covered, "Orban is named nowhere");
    }

    [Fact]
    public async Task A_follow_ups_context_weighs_less_than_its_own_words()
    {
        var retriever = await IndexAsync(Articles.Make("Summit report",
            "Khamenei told Putin that NATO would have started a war over Crimea had Moscow not acted first. "
            + "Analysts said the remarks were the strongest support yet. The supreme leaders also discussed grain and gas. "
            + "Officials called the meetings this week in Tehran, between the supreme leaders of Iran and Russia, warm."),
            Articles.Make("Alliance talks", "NATO ministers met in the city of Brussels to discuss Crimea and the war, and Putin's threats."));
        var question = new Core.Conversations.FollowUpRewriter(TextAnalyzer.Default)
            .Rewrite("and which city was that meeting in?", "What did Khamenei tell Putin about NATO and Crimea when the two met?");
        var result = await retriever.RetrieveAsync(question, default);
        Assert.True(result.Covered, result.Grounding?.Reason);
        Assert.StartsWith("Officials called the meetings this week in Tehran", Answer(result));
    }

    [Fact]
    public async Task A_person_named_in_full_once_is_held_by_his_surname_far_below()
    {
        var background = string.Join(' ', Enumerable.Range(1, 60).Select(n => $"Background paragraph {n} recounts the camp's history and the volunteers' daily routines."));
        var retriever = await IndexAsync(Articles.Make("Chaplains' retreat",
            $"Pastor Andrew Moroz runs a programme for military chaplains near Kyiv. {background} "
            + "Moroz said he brought four mental health specialists to the retreat for the chaplains."));
        var result = await retriever.RetrieveAsync("How many mental health specialists did pastor Andrew Moroz bring to the retreat for chaplains?", default);
        Assert.True(result.Covered, result.Grounding?.Reason);
        Assert.Contains("four mental health specialists", Answer(result));
        // Another Moroz is not him: a first name the index never uses still says the articles don't cover it.
        var other = await retriever.RetrieveAsync("How many mental health specialists did pastor Jakob Moroz bring to the retreat for chaplains?", default);
        Assert.False(other.Covered, "Jakob is named nowhere");
    }

    [Fact]
    public async Task An_author_the_question_credits_need_not_be_named_by_the_report()
    {
        var retriever = await IndexAsync(Articles.Make("Op-ed: hold the line",
            "It puts at greater risk the 100,000 servicemembers guarding the alliance's borders."));
        var result = await retriever.RetrieveAsync("How many servicemembers are guarding the alliance's borders, according to the Halvorsen-Brandt op-ed?", default);
        Assert.True(result.Covered, result.Grounding?.Reason);
        Assert.Contains("100,000 servicemembers", Answer(result));
        // Elsewhere in the question an unknown name still says the articles don't cover it.
        var named = await retriever.RetrieveAsync("How many servicemembers did Brandt send to guard the alliance's borders?", default);
        Assert.False(named.Covered);
    }

    [Fact]
    public async Task A_person_named_earlier_in_the_passage_is_the_he_of_the_answering_sentence()
    {
        var retriever = await IndexAsync(Articles.Make("Minsk briefing",
            "Lukashenko spoke to reporters in Minsk on Friday for almost four hours. The hall was full and the questions ranged widely. "
            + "Belarus had moved 40 tanks to the border with Granvik, he said."));
        var result = await retriever.RetrieveAsync("How many tanks did Lukashenko say Belarus had moved to the border with Granvik?", default);
        Assert.True(result.Covered, result.Grounding?.Reason);
        Assert.Contains("40 tanks", Answer(result));

        // A country is no such stand-in: Poland named in the passage does not make the tanks Poland's.
        var country = await IndexAsync(Articles.Make("Border report",
            "Poland closed two crossings on Friday. The hall was full and the questions ranged widely. The weather was cold. "
            + "Belarus had moved 40 tanks to the border with Granvik to deter raids, officials said."));
        var poland = await country.RetrieveAsync("Why did Poland move 40 tanks to the border with Granvik?", default);
        Assert.False(poland.Covered, "the tanks are Belarus's");
        var belarus = await country.RetrieveAsync("Why did Belarus move 40 tanks to the border with Granvik?", default);
        Assert.True(belarus.Covered, belarus.Grounding?.Reason);
    }

    [Fact]
    public async Task Two_names_joined_by_a_hyphen_are_two_people_a_report_may_name_apart()
    {
        var retriever = await IndexAsync(Articles.Make("Phone call",
            "Brandt spoke by phone with Halvorsen for an hour on Saturday. Halvorsen's aide Marek said the call was balanced and business-like."));
        var result = await retriever.RetrieveAsync("How did Marek describe the Halvorsen-Brandt phone call?", default);
        Assert.True(result.Covered, result.Grounding?.Reason);
        Assert.Contains("business-like", Answer(result));

        // Each of the two is still a name the report must hold.
        var other = await retriever.RetrieveAsync("How did Marek describe the Halvorsen-Okafor phone call?", default);
        Assert.False(other.Covered, "Okafor is named nowhere");
    }

    [Fact]
    public async Task A_number_the_title_gives_is_held_by_its_report()
    {
        var retriever = await IndexAsync(Articles.Make("The Granvik conflict: 1461 days of war",
                "This piece quotes a 2025 study made by the Vessel Centre: the capitals doubted the Granvik claims for years."),
            Articles.Make("Damage in Granvik", "The shelling has damaged 1400 houses in Granvik since the spring."));
        // A number like a year must be told by the passage (the year rule): the title tells this one.
        var result = await retriever.RetrieveAsync("The '1461 days of war' piece quotes a 2025 study about the capitals doubting Granvik - which centre made it?", default);
        Assert.True(result.Covered, result.Grounding?.Reason);
        Assert.Contains("Vessel Centre", Answer(result));

        var other = await retriever.RetrieveAsync("The '1400 days of war' piece quotes a 2025 study about the capitals doubting Granvik - which centre made it?", default);
        Assert.False(other.Covered, "no report is headed 1400 days");
    }

    [Fact]
    public async Task The_report_from_the_month_a_question_names_answers_it_before_a_later_one()
    {
        var retriever = await IndexAsync(
            Articles.Make("Shelling of Granvik", "The Granvik mayor said 40 shells fell on the city each day.", published: new DateOnly(2022, 5, 28)),
            Articles.Make("Granvik under fire again", "The Granvik mayor said 300 shells fell on the city each day.", published: new DateOnly(2026, 1, 10)));
        var may = await retriever.RetrieveAsync("In late May 2022, how many shells fell on Granvik each day, according to the mayor?", default);
        Assert.True(may.Covered, may.Grounding?.Reason);
        Assert.StartsWith("The Granvik mayor said 40 shells", Answer(may));
        var january = await retriever.RetrieveAsync("In January 2026, how many shells fell on Granvik each day, according to the mayor?", default);
        Assert.StartsWith("The Granvik mayor said 300 shells", Answer(january));
    }

    [Fact]
    public async Task The_named_speaker_of_a_long_quotation_answers_who_said_it()
    {
        var retriever = await IndexAsync(
            Articles.Make("Summit in Granvik", "The alliance meets in Granvik this week, its former chief warned. “I think the Poles would seriously consider going in and assemble a coalition of the willing for the Granvik summit if nothing is offered to them by then, as they have said before,” Halvorsen said."),
            Articles.Make("Summit in Vessel", "The alliance meets in Vessel next year. “I think the Danes would seriously consider going in and assemble a coalition of the willing for the Vessel summit if nothing is offered to them by then, as they have said before,” one diplomat said."));
        var result = await retriever.RetrieveAsync("Which former alliance chief said the Poles might assemble a coalition of the willing if nothing came of the Granvik summit?", default);
        Assert.True(result.Covered, result.Grounding?.Reason);
        Assert.Contains("Halvorsen said", Answer(result));

        // A quotation whose speaker goes unnamed names nobody.
        var unnamed = await retriever.RetrieveAsync("Which former alliance chief said the Danes might assemble a coalition of the willing if nothing came of the Vessel summit?", default);
        Assert.False(unnamed.Covered, "the speaker is not named");
    }

    [Fact]
    public async Task A_month_is_nobody_a_who_question_asks_for()
    {
        var retriever = await IndexAsync(
            Articles.Make("Visit to Granvik", "The envoy visited Granvik in February to reopen the consulate, the ministry said."),
            Articles.Make("Visit to Vessel", "The envoy Marek Halvorsen visited Vessel in March to open the port, the ministry said."));
        var vessel = await retriever.RetrieveAsync("Who was the envoy who visited Vessel to open the port?", default);
        Assert.True(vessel.Covered, vessel.Grounding?.Reason);
        var granvik = await retriever.RetrieveAsync("Who was the envoy who visited Granvik to reopen the consulate?", default);
        Assert.False(granvik.Covered, "the envoy to Granvik is not named; February is no one");
    }

    [Fact]
    public async Task A_report_speaks_for_its_own_outlet()
    {
        var retriever = await IndexAsync(
            Articles.Make("Four years of war", "Published daily by the Vessel Institute. It is the human spirit, not weapons, that produced the most valuable lesson of the war.", outlet: "Vessel Institute"),
            Articles.Make("A conference in Granvik", "The Granvik Institute held a conference on the war. It is the courage of farmers that produced the most valuable lesson of the war in Granvik."));
        var own = await retriever.RetrieveAsync("What does the Vessel Institute's essay say produced the most valuable lesson of the war?", default);
        Assert.True(own.Covered, own.Grounding?.Reason);
        Assert.Contains("human spirit", Answer(own));

        // A wire report that mentions an institute does not speak for it.
        var other = await retriever.RetrieveAsync("What does the Granvik Institute's essay say produced the most valuable lesson of the war in Granvik?", default);
        Assert.False(other.Covered, "the institute's words are not given");
    }
}

