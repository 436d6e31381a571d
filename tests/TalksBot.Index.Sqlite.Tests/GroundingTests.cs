using TalksBot.Core.Articles;
using TalksBot.Core.Answering;
using TalksBot.Core.Retrieval;
using TalksBot.Testing;

namespace TalksBot.Index.Sqlite.Tests;

/// <summary>
/// How the grounding judge reads a question against small made-up articles: a role with its possessor, a place given
/// as the setting, two places joined by a hyphen, and the answer of the asked type next to the question's words.
/// </summary>
public sealed class GroundingTests : IDisposable
{
    private readonly TempIndex _db = new();

    public void Dispose() => _db.Dispose();

    private Task<PassageRetriever> IndexAsync(params (string Title, string Body)[] articles) =>
        IndexAsync([.. articles.Select(a => Articles.Make(a.Title, a.Body))]);

    private Task<PassageRetriever> IndexAsync(params ArticleDocument[] articles) => _db.RetrieverOverAsync(articles);

    [Fact]
    public async Task A_role_named_apart_from_its_possessor_does_not_answer_who_holds_it()
    {
        var retriever = await IndexAsync(
            ("Diplomats in Ottawa", "Russia's ambassador to Canada, Oleg Petrov, was summoned by the foreign ministry. Separately, Ukraine thanked Canada for new air defence aid."));
        var apart = await retriever.RetrieveAsync("Who is Ukraine's ambassador to Canada?", default);
        Assert.False(apart.Covered, apart.Grounding?.Reason);

        var retrieverWithAnswer = await IndexAsync(
            ("Diplomats in Ottawa", "Russia's ambassador to Canada, Oleg Petrov, was summoned by the foreign ministry. Separately, Ukraine thanked Canada for new air defence aid."),
            ("Kyiv's envoy", "Ukraine's ambassador to Canada, Maria Kovalenko, said the aid would arrive before winter."));
        var held = await retrieverWithAnswer.RetrieveAsync("Who is Ukraine's ambassador to Canada?", default);
        Assert.True(held.Covered, held.Grounding?.Reason);
        Assert.Contains("Kovalenko", new ExtractiveAnswerWriter(TextAnalyzer.Default).Write(held).Text);
    }

    [Fact]
    public async Task A_specific_place_given_as_the_setting_need_not_be_repeated_by_the_answering_sentences()
    {
        var retriever = await IndexAsync(
            ("Talks resume in Geneva", "Delegations from Kyiv and Moscow arrived in Geneva on Monday for a new round of talks. "
                + string.Join(' ', Enumerable.Range(1, 14).Select(n => $"Background paragraph {n} recounts earlier rounds of diplomacy and the positions of both capitals."))
                + " The talks are taking place at the Lakeside Palace hotel, a short walk from the missions."));
        var result = await retriever.RetrieveAsync("At which hotel are the talks in Geneva taking place?", default);
        Assert.True(result.Covered, result.Grounding?.Reason);
        Assert.Contains("Lakeside Palace", new ExtractiveAnswerWriter(TextAnalyzer.Default).Write(result).Text);
    }

    [Fact]
    public async Task Two_places_joined_by_a_hyphen_are_two_names_held_apart()
    {
        var retriever = await IndexAsync(
            ("Treaty lapses", "Guterres called the expiry of the nuclear treaty between Russia and the US a grave moment for the world."));
        var result = await retriever.RetrieveAsync("What did Guterres call the end of the US-Russia nuclear treaty?", default);
        Assert.True(result.Covered, result.Grounding?.Reason);
        Assert.Contains("grave moment", new ExtractiveAnswerWriter(TextAnalyzer.Default).Write(result).Text);
    }

    [Fact]
    public async Task The_sentence_with_the_place_next_to_the_question_words_is_quoted_first()
    {
        var retriever = await IndexAsync(
            ("Prisoner swap", "Russian soldiers released last year had waited for weeks at a camp in Turkey before the flights home. "
                + "This time the Russian soldiers were released into Belarus, the defence ministry said."));
        var result = await retriever.RetrieveAsync("Where were the Russian soldiers released to?", default);
        Assert.True(result.Covered, result.Grounding?.Reason);
        var answer = new ExtractiveAnswerWriter(TextAnalyzer.Default).Write(result);
        Assert.StartsWith("This time the Russian soldiers were released into Belarus", answer.Text);
    }

    [Fact]
    public async Task An_everyday_word_the_articles_never_use_stands_for_its_paraphrase_not_for_a_look_alike()
    {
        var retriever = await IndexAsync(
            ("Deported children", "Ukraine said 1,200 children taken to Russia have returned to their families so far, with Qatar mediating."),
            ("Winter aid", "Aid convoys reached Kharkiv as Kyiv asked for more aid before winter. The aid included generators."));
        var result = await retriever.RetrieveAsync("How many kids have returned to Ukraine?", default);
        Assert.True(result.Covered, result.Grounding?.Reason);
        Assert.Empty(result.Grounding!.Corrections);
        Assert.Contains("1,200 children", new ExtractiveAnswerWriter(TextAnalyzer.Default).Write(result).Text);
    }

    [Fact]
    public async Task The_answer_of_the_asked_type_in_the_next_passage_comes_along_with_the_passage_that_names_the_topic()
    {
        // No digits or number words in the filler: only the second passage holds a number.
        string[] Sights = ["harbour", "hotel", "lobby", "airport", "motorcade", "convoy", "checkpoint", "bridge", "square", "station", "market", "embassy", "garden", "terrace"];
        string Filler(string topic) => string.Join(' ', Sights.Select(s => $"Observers of the {topic} described the {s} at length."));
        var competitors = Enumerable.Range(0, 6).Select(k => ($"Abu Dhabi diary {Sights[k]}",
            $"Prisoners and their families waited for news from the Abu Dhabi talks, where an exchange was discussed near the {Sights[k]}. " + Filler("delegations")));
        var retriever = await IndexAsync(competitors.Prepend(
            ("Swap after Abu Dhabi", "After the Abu Dhabi talks, Kyiv and Moscow agreed an exchange of prisoners, negotiators said on Thursday. "
                + Filler("talks") + "\n\n"
                + "In all, 314 prisoners were exchanged on the first day. " + Filler("buses"))).ToArray());
        var result = await retriever.RetrieveAsync("How many prisoners were exchanged after the Abu Dhabi talks?", default);
        Assert.True(result.Covered, result.Grounding?.Reason);
        Assert.True(result.Passages.Any(p => p.IsNeighbor && p.Text.Contains("314")), string.Join("\n", result.Passages.Select(p => $"{p.IsNeighbor} {p.Text[..40]}")));
        Assert.Contains("314 prisoners", new ExtractiveAnswerWriter(TextAnalyzer.Default).Write(result).Text);
    }

    [Fact]
    public async Task A_country_typed_without_its_apostrophe_still_owns_the_role_and_the_sentence_saying_it_answers()
    {
        var retriever = await IndexAsync(
            ("Ministers meet", "German Foreign Minister Lena Hartmann said Iran must be isolated after the drone sales to Russia."),
            ("Geneva visit", "Iranian foreign minister Abbas Karimi arrived in Geneva on Sunday night for talks with the Omani mediators."));
        var result = await retriever.RetrieveAsync("whos irans foreign minister", default);
        Assert.True(result.Covered, result.Grounding?.Reason);
        Assert.StartsWith("Iranian foreign minister Abbas Karimi", new ExtractiveAnswerWriter(TextAnalyzer.Default).Write(result).Text);
    }

    [Fact]
    public async Task Who_holds_a_role_now_is_answered_from_the_newest_report()
    {
        var source = new InMemorySource("mem://holders");
        source.Put("old", Articles.Make("Alliance summit", "Jan Berg, the alliance's secretary general, opened the summit in Madrid with a call for unity.", published: new DateOnly(2022, 6, 29)));
        source.Put("new", Articles.Make("Alliance visit", "The alliance's secretary general, Maria Holm, visited Kyiv on Tuesday and promised more air defence.", published: new DateOnly(2026, 2, 3)));
        for (int f = 0; f < 12; f++)
        {
            source.Put($"filler{f}", Articles.Make($"Front report {f}", $"Shelling continued near the front in Ukraine on day {f}. Officials in Kyiv and Russia traded accusations about the war.", published: new DateOnly(2024, 1, 1 + f)));
        }
        await _db.Refresher.RefreshAsync([source], null, default);
        var retriever = new PassageRetriever(_db.Index, TextAnalyzer.Default, new RetrievalOptions());

        var now = await retriever.RetrieveAsync("Who is the alliance's secretary general?", default);
        Assert.True(now.Covered, now.Grounding?.Reason);
        Assert.StartsWith("The alliance's secretary general, Maria Holm", new ExtractiveAnswerWriter(TextAnalyzer.Default).Write(now).Text);
        // Asked about the past, the newest report has no claim to go first.
        Assert.False(TextAnalyzer.Default.AnalyzeQuestion("Who was the alliance's secretary general in 2022?").AsksCurrentHolder);
    }

    [Fact]
    public async Task A_place_naming_the_event_is_its_setting_even_in_lower_case()
    {
        var retriever = await IndexAsync(
            ("Talks resume", "Delegations from Kyiv and Moscow arrived in Geneva on Monday for a new round of talks. "
                + string.Join(' ', Enumerable.Range(1, 14).Select(n => $"Background paragraph {n} recounts earlier rounds of diplomacy and the positions of both capitals."))
                + " The Ukraine talks are taking place at the Lakeside Palace hotel, a short walk from the missions."));
        var result = await retriever.RetrieveAsync("which hotel are the geneva ukraine talks at", default);
        Assert.True(result.Covered, result.Grounding?.Reason);
        Assert.Contains("Lakeside Palace", new ExtractiveAnswerWriter(TextAnalyzer.Default).Write(result).Text);
    }

    [Fact]
    public async Task The_outlet_and_the_month_of_publication_are_held_by_every_passage_of_an_article()
    {
        var source = new InMemorySource("mem://metadata");
        source.Put("vote", Articles.Make("House vote", "On Saturday lawmakers in the House passed the foreign aid package worth $61bn after months of delay.",
            published: new DateOnly(2024, 4, 20), outlet: "Harbour Herald"));
        source.Put("interview", Articles.Make("Interview", "Zelensky said in the interview that Putin had already started a wider war against Europe.",
            published: new DateOnly(2025, 3, 2), outlet: "Northern Broadcaster"));
        // Outlets are named in the news too; a word the articles never use is still taken for a sign of a question they don't cover.
        source.Put("media", Articles.Make("Media", "The Northern Broadcaster and the Harbour Herald both sent reporters to the front.", published: new DateOnly(2025, 5, 2)));
        for (int f = 0; f < 12; f++)
        {
            source.Put($"filler{f}", Articles.Make($"Front report {f}", $"Shelling continued near the front in Ukraine on day {f}. Officials in Kyiv and Russia traded accusations about the war.", published: new DateOnly(2023, 1, 1 + f)));
        }
        await _db.Refresher.RefreshAsync([source], null, default);
        var retriever = new PassageRetriever(_db.Index, TextAnalyzer.Default, new RetrievalOptions());

        // "April 2024" is the report's date, not its words; a month is no name the text must repeat.
        var vote = await retriever.RetrieveAsync("How much aid did the House pass in April 2024?", default);
        Assert.True(vote.Covered, vote.Grounding?.Reason);
        Assert.Contains("$61bn", new ExtractiveAnswerWriter(TextAnalyzer.Default).Write(vote).Text);
        // Named in the question, the outlet is the article's.
        var told = await retriever.RetrieveAsync("What did Zelensky tell the Northern Broadcaster about Putin?", default);
        Assert.True(told.Covered, told.Grounding?.Reason);
        Assert.Contains("wider war", new ExtractiveAnswerWriter(TextAnalyzer.Default).Write(told).Text);
        // An outlet that published nothing of the kind is still a name no passage holds.
        var other = await retriever.RetrieveAsync("What did Zelensky tell the Harbour Herald about Putin?", default);
        Assert.False(other.Covered);
    }

    [Fact]
    public async Task The_mayor_of_a_city_is_a_role_with_its_possessor()
    {
        var retriever = await IndexAsync(
            ("Night of drones", "The port city of Odesa was hit by a large drone attack overnight. The mayor of a western town, Petro Lysak, said a power plant there was targeted."),
            ("City hall", "Kharkiv's mayor, Andriy Sokil, said schools in the city would reopen on Monday."));
        var odesa = await retriever.RetrieveAsync("Who is the mayor of Odesa?", default);
        Assert.False(odesa.Covered, "a mayor and Odesa named apart don't say who Odesa's mayor is");
        var kharkiv = await retriever.RetrieveAsync("Who is the mayor of Kharkiv?", default);
        Assert.True(kharkiv.Covered, kharkiv.Grounding?.Reason);
        Assert.Contains("Sokil", new ExtractiveAnswerWriter(TextAnalyzer.Default).Write(kharkiv).Text);
    }

    [Fact]
    public async Task A_question_asking_for_a_number_or_a_person_is_refused_when_no_sentence_gives_one()
    {
        var retriever = await IndexAsync(
            ("Delegation", "Rustem Halenko led the delegation at the talks in Geneva and called the discussions intensive and substantive."),
            ("Drones", "Replacing the satellite terminals would take Russia six months, said an unnamed commander of the drone forces."));
        var age = await retriever.RetrieveAsync("How old is Rustem Halenko?", default);
        Assert.False(age.Covered);
        Assert.Equal("no passage gives the number asked for", age.Grounding?.Reason);
        var unnamed = await retriever.RetrieveAsync("What is the name of the drone forces commander who said replacing the satellite terminals would take six months?", default);
        Assert.False(unnamed.Covered);
        Assert.Equal("no passage names the person asked for", unnamed.Grounding?.Reason);
        // Asked what the articles do give, the same passages answer.
        var led = await retriever.RetrieveAsync("Who led the delegation at the talks in Geneva?", default);
        Assert.True(led.Covered, led.Grounding?.Reason);
        Assert.Contains("Halenko", new ExtractiveAnswerWriter(TextAnalyzer.Default).Write(led).Text);
    }

    [Fact]
    public async Task A_question_asking_someone_s_words_is_refused_by_a_passage_giving_someone_else_s()
    {
        var retriever = await IndexAsync(
            ("Umbrella claim", "Veloria had earlier announced a stronger alliance with Russia. Ukraine is under the nuclear umbrella of Veloria, which signed a 2013 declaration to protect it, said Marden's prime minister Osric Talvane."),
            ("Harbour", "Ostrava's harbour reopened on Monday after repairs to the grain terminal. Dock workers said the first ships were expected within days."));
        var response = await retriever.RetrieveAsync("What did Veloria say about the 2013 declaration and the nuclear umbrella?", default);
        Assert.False(response.Covered);
        Assert.Equal("no passage gives what Veloria said", response.Grounding?.Reason);
        // The one whose words they are is answered by the same passage.
        var claim = await retriever.RetrieveAsync("What did Talvane say about Veloria's 2013 declaration and the nuclear umbrella?", default);
        Assert.True(claim.Covered, claim.Grounding?.Reason);
    }

    [Fact]
    public async Task The_answer_of_the_asked_type_comes_from_a_passage_holding_the_question_s_names()
    {
        var retriever = await IndexAsync(
            ("Nomination", "President Maia Sandu nominated her former defence adviser Dorin Recean as the next prime minister. The Moldovan parliament will vote to confirm his nomination next week."),
            ("Belgrade vote", "Prime Minister Milos Vucevic's new government got backing in a 152-61 vote of lawmakers in the 250-member parliament."));
        var result = await retriever.RetrieveAsync("How many lawmakers voted to confirm Dorin Recean as prime minister?", default);
        Assert.False(result.Covered);
        Assert.Equal("no passage gives the number asked for", result.Grounding?.Reason);
        var serbia = await retriever.RetrieveAsync("How many lawmakers voted for Vucevic's new government?", default);
        Assert.True(serbia.Covered, serbia.Grounding?.Reason);
    }

    [Fact]
    public async Task A_number_written_with_a_thousands_separator_counts_what_follows_it()
    {
        var retriever = await IndexAsync(
            ("Reserve", "The editorial says Kyiv has nearly 350,000 combat-hardened military reservists ready to return to their bases at the first call."));
        var result = await retriever.RetrieveAsync("How many reservists are ready to return to their bases?", default);
        Assert.True(result.Covered, result.Grounding?.Reason);
        Assert.Contains("350,000", new ExtractiveAnswerWriter(TextAnalyzer.Default).Write(result).Text);
    }

    [Fact]
    public async Task A_long_question_is_grounded_by_a_chosen_passage_giving_the_answer_though_another_ranks_first()
    {
        var retriever = await IndexAsync(
            // First by its words, but its name and its story are sentences apart and it gives no number.
            ("Camps", "Brenn spoke at length on Tuesday. The weather in the valley was cold. Officials described the plans in detail. The northern bases will host instructors who prepare soldiers every four months."),
            ("Training", "Brenn said up to 10,000 soldiers could be prepared every 120 days."));
        var result = await retriever.RetrieveAsync("How many soldiers could Brenn's instructors prepare every four months at the northern bases?", default);
        Assert.True(result.Covered, result.Grounding?.Reason);
        Assert.Contains("10,000", new ExtractiveAnswerWriter(TextAnalyzer.Default).Write(result).Text);
    }

    [Fact]
    public async Task The_outlet_a_question_names_as_its_source_need_not_be_in_the_report()
    {
        var retriever = await IndexAsync(
            ("Monuments", "The Latvian government has listed 69 monuments from the Soviet era for demolition this year, the culture ministry said."));
        var result = await retriever.RetrieveAsync("How many Soviet-era monuments has the Latvian government listed for demolition, according to BelTA?", default);
        Assert.True(result.Covered, result.Grounding?.Reason);
        Assert.Contains("69 monuments", new ExtractiveAnswerWriter(TextAnalyzer.Default).Write(result).Text);
        // A name that is no outlet is still one the articles must mention.
        var other = await retriever.RetrieveAsync("How many Soviet-era monuments has the Latvian government listed for demolition, according to Halvorsen?", default);
        Assert.False(other.Covered);
    }

    [Fact]
    public async Task A_why_question_naming_a_year_needs_a_passage_telling_of_that_year()
    {
        var retriever = await IndexAsync(
            Articles.Make("Profile", "Halvorsen, the president's chief of staff, has run the negotiating team since the spring and often travels to the talks.", published: new DateOnly(2022, 5, 4)),
            Articles.Make("Budget", "Parliament passed the 2024 budget in December after a long debate, and the speaker did not step down.", published: new DateOnly(2023, 12, 20)));
        var other = await retriever.RetrieveAsync("Why did Halvorsen step down as the president's chief of staff in 2024?", default);
        Assert.False(other.Covered);
        Assert.Equal("no passage tells of 2024", other.Grounding?.Reason);
        // The passage that answers must tell of it: a lesser one naming Halvorsen in 2024 doesn't date the best one.
        var lesser = await IndexAsync(
            Articles.Make("Profile", "Halvorsen, the president's chief of staff, has run the negotiating team since the spring and often travels to the talks.", published: new DateOnly(2022, 5, 4)),
            Articles.Make("Budget", "Parliament passed the 2024 budget in December after a long debate, and the speaker did not step down."),
            Articles.Make("Book fair", "Halvorsen opened the 2024 book fair in the capital.", published: new DateOnly(2023, 12, 20)));
        var dated = await lesser.RetrieveAsync("Why did Halvorsen step down as the president's chief of staff in 2024?", default);
        Assert.False(dated.Covered, "the book fair tells of 2024, not the passage that would answer");
        Assert.Equal("no passage tells of 2024", dated.Grounding?.Reason);
        // Reported in that year, the same passage tells of it.
        var then = await IndexAsync(
            Articles.Make("Profile", "Halvorsen, the president's chief of staff, stepped down because the negotiating team was reshuffled.", published: new DateOnly(2024, 5, 4)),
            Articles.Make("Budget", "Parliament passed the 2024 budget in December after a long debate, and the speaker did not step down.", published: new DateOnly(2023, 12, 20)));
        var result = await then.RetrieveAsync("Why did Halvorsen step down as the president's chief of staff in 2024?", default);
        Assert.True(result.Covered, result.Grounding?.Reason);
        // A report without a date may be from that year: nothing holds against it.
        var undated = await IndexAsync(
            new ArticleDocument("Profile", "Test Wire", null, null, "Halvorsen, the president's chief of staff, stepped down because the negotiating team was reshuffled."),
            Articles.Make("Budget", "Parliament passed the 2024 budget in December after a long debate, and the speaker did not step down.", published: new DateOnly(2023, 12, 20)));
        var fromUndated = await undated.RetrieveAsync("Why did Halvorsen step down as the president's chief of staff in 2024?", default);
        Assert.True(fromUndated.Covered, fromUndated.Grounding?.Reason);
    }

    [Fact]
    public async Task An_institution_named_by_its_building_and_an_envoy_called_ambassador_are_found()
    {
        var retriever = await IndexAsync(
            ("Depravity", "The US defence department has accused the Russian president of acting with depravity in his invasion. "
                + "Spokesman Jon Kerwin asked how anyone could justify the atrocities. "
                + "But Russia's ambassador to the US Anatoly Antarov has rejected the accusation."));
        var result = await retriever.RetrieveAsync("Which Russian envoy dismissed the Pentagon's accusation of depravity?", default);
        Assert.True(result.Covered, result.Grounding?.Reason);
        Assert.Contains("Antarov", new ExtractiveAnswerWriter(TextAnalyzer.Default).Write(result).Text);
    }

    [Fact]
    public async Task A_capital_stands_for_its_government()
    {
        var retriever = await IndexAsync(
            ("Reparations", "Poland demands 1.3 trillion euros from Germany in reparations for the destruction of the Second World War. Germany says the matter is closed."));
        var result = await retriever.RetrieveAsync("How much is Warsaw demanding from Berlin in war reparations?", default);
        Assert.True(result.Covered, result.Grounding?.Reason);
        Assert.Contains("1.3 trillion euros", new ExtractiveAnswerWriter(TextAnalyzer.Default).Write(result).Text);
    }

    [Fact]
    public async Task People_counted_may_be_described_first_and_called_otherwise()
    {
        var retriever = await IndexAsync(
            ("Entry ban", "Granvik banned 52 key representatives of the Lakeland authorities from entering the country."),
            ("Tanks", "Granvik moved 40 heavy tanks to the border."));
        var banned = await retriever.RetrieveAsync("How many Lakeland officials did Granvik ban from entering the country?", default);
        Assert.True(banned.Covered, banned.Grounding?.Reason);
        Assert.Contains("52 key representatives", new ExtractiveAnswerWriter(TextAnalyzer.Default).Write(banned).Text);
        // Tanks are no people, described or not.
        var moved = await retriever.RetrieveAsync("How many people did Granvik move to the border?", default);
        Assert.False(moved.Covered, "40 heavy tanks are no people");
    }

    [Fact]
    public async Task The_kind_asked_for_what_is_counted_and_the_setting_are_told_with_the_answer()
    {
        var retriever = await IndexAsync(
            ("Lakeside round", "The trilateral talks in Lakeport were hosted at the Cedar Pavilion on the waterfront. Delegates praised the venue."),
            ("Exchange", "Another round of talks was held in Lakeport on Tuesday. The delegations agreed to exchange 212 prisoners of war, 106 each. Talks in Granvik are under way this week."),
            ("Returns", "Fourteen children have been returned to their families this winter, officials in Lakeport said. Officials said thousands of people were deported from the region during the occupation."));
        var writer = new ExtractiveAnswerWriter(TextAnalyzer.Default);

        // A pavilion is not a hotel: the kind asked for is held like a name.
        var hotel = await retriever.RetrieveAsync("Which hotel in Lakeport hosted the trilateral talks?", default);
        Assert.False(hotel.Covered, "a passage naming the pavilion doesn't say which hotel");
        Assert.Equal("no passage mentions the hotel asked for", hotel.Grounding?.Reason);
        var venue = await retriever.RetrieveAsync("Which pavilion in Lakeport hosted the trilateral talks?", default);
        Assert.True(venue.Covered, venue.Grounding?.Reason);

        // The number must count what is asked, told with what happened to it.
        // (A sentence counting something else passes only when it shares two more of the question's words: "how many
        // soldiers came home" is answered by "157 prisoners of war came home".)
        var deported = await retriever.RetrieveAsync("How many children were deported?", default);
        Assert.False(deported.Covered, "'fourteen children returned' and 'thousands of people deported' don't say how many children were deported");
        var exchanged = await retriever.RetrieveAsync("How many prisoners were exchanged after the Lakeport talks?", default);
        Assert.True(exchanged.Covered, exchanged.Grounding?.Reason);
        Assert.Contains("212", writer.Write(exchanged).Text);

        // The setting must be told with the answer or just before it: Granvik is only the next line's.
        var granvik = await retriever.RetrieveAsync("How many prisoners were exchanged after the Granvik talks?", default);
        Assert.False(granvik.Covered, "the exchange was agreed in Lakeport; Granvik is named in the next sentence only");
        Assert.Equal("no passage gives the number asked for", granvik.Grounding?.Reason);
    }

    [Fact]
    public async Task A_where_question_is_answered_by_a_place_inside_its_setting()
    {
        // "Where in Ostmark…?": the answering sentence names the city, not the country again; the passage names it.
        var retriever = await IndexAsync(Articles.Make("Troops abroad",
            "Granvik sent troops to the joint mission in Ostmark last winter, the president told a talk show host. "
            + "The troops were not many. Granvik guarded the airfields near Lakeport, and its ally the ones near Eastholm, the president said."));
        var where = await retriever.RetrieveAsync("Where did Granvik guard airfields during the mission in Ostmark?", default);
        Assert.True(where.Covered, where.Grounding?.Reason);
        Assert.Contains("Lakeport", new ExtractiveAnswerWriter(TextAnalyzer.Default).Write(where).Text);
    }

    [Fact]
    public async Task A_report_from_the_outlet_the_question_names_ranks_above_one_quoting_it()
    {
        // Lars Berg's own newsletter never names him; the wire report quoting him does, and holds more of the words.
        var retriever = await IndexAsync(
            Articles.Make("Another week of war", "A new model is needed to backfill the 900 casualties a day that Ostmark is suffering at the front.",
                outlet: "Lars Berg (Substack)"),
            Articles.Make("Ostmark's losses", "Lars Berg, a military analyst, said Ostmark's casualties at the front could reach two million by the spring, "
                + "about 35,000 casualties a month, in a week of heavy fighting."),
            Articles.Make("Veterans", "The Granvik ministry launched a newsletter for veterans and their families."));
        var result = await retriever.RetrieveAsync("How many casualties a day is Ostmark suffering, going by Lars Berg's newsletter this week?", default);
        Assert.True(result.Covered, result.Grounding?.Reason);
        Assert.Equal("Lars Berg (Substack)", result.Passages[0].Article.Outlet);

        // Written small, as chat is: two words of the outlet's name will do.
        var small = await retriever.RetrieveAsync("how many casualties a day is ostmark suffering, going by lars berg's newsletter this week?", default);
        Assert.True(small.Covered, small.Grounding?.Reason);
        Assert.Equal("Lars Berg (Substack)", small.Passages[0].Article.Outlet);
    }

    [Fact]
    public async Task A_headline_the_question_quotes_is_held_by_every_passage_of_its_report()
    {
        var retriever = await IndexAsync(Articles.Make("After four years of war, time to stop underestimating Granvik",
            "Ostmark's plan expected a short campaign against Granvik. There were even reports of invading Ostmark units bringing their "
            + "parade uniforms along, ready for the victory celebrations. However, the campaign soon stalled."));
        var result = await retriever.RetrieveAsync(
            "What did invading Ostmark units reportedly pack for the victory celebrations they expected, per that 'stop underestimating Granvik' piece?", default);
        Assert.True(result.Covered, result.Grounding?.Reason);
        Assert.Contains("parade uniforms", new ExtractiveAnswerWriter(TextAnalyzer.Default).Write(result).Text);
    }

    [Fact]
    public async Task A_sentence_telling_most_of_the_question_gives_its_place_wherever_it_stands()
    {
        var retriever = await IndexAsync(Articles.Make("Defence talks",
            "Defence Secretary Ana Holm invoked Ostmark's war as a reminder that security on the islands can't be taken for granted in a long speech at the annual defence talks in Lakeport. "
            + "She also met her counterparts."));
        var where = await retriever.RetrieveAsync("Where was Ana Holm speaking when she said security on the islands can't be taken for granted?", default);
        Assert.True(where.Covered, where.Grounding?.Reason);
        Assert.Contains("Lakeport", new ExtractiveAnswerWriter(TextAnalyzer.Default).Write(where).Text);
    }

    [Fact]
    public async Task Who_wrote_the_piece_is_answered_only_by_its_byline_or_a_credit()
    {
        const string Story = "Great news that Speaker Holm finally did the right thing by putting the Granvik aid bill to the House, "
            + "which duly backed it with a large majority, the op-ed says. Lars Berg, the House leader, welcomed the vote.";
        var retriever = await IndexAsync(Articles.Make("Speaker Holm and the Granvik aid bill", Story));
        const string Question = "Who wrote that op-ed saying Speaker Holm finally did the right thing on the Granvik aid bill?";
        var unsigned = await retriever.RetrieveAsync(Question, default);
        Assert.False(unsigned.Covered, "Lars Berg is someone the op-ed is about, not its writer");
        Assert.Equal("no passage says who wrote it", unsigned.Grounding?.Reason);

        using var other = new TempIndex();
        var signed = await (await other.RetrieverOverAsync(Articles.Make("Speaker Holm and the Granvik aid bill",
            "Op-ed by Katarina Lind 10:41 AM April 21, 2024. " + Story))).RetrieveAsync(Question, default);
        Assert.True(signed.Covered, signed.Grounding?.Reason);
        Assert.Contains("Katarina Lind", new ExtractiveAnswerWriter(TextAnalyzer.Default).Write(signed).Text);
    }

    [Fact]
    public async Task How_long_did_it_last_is_answered_by_a_length_told_of_what_lasted()
    {
        const string Question = "How long did Ana Holm's inauguration ceremony in Granvik last?";
        var retriever = await IndexAsync(Articles.Make("Holm sworn in",
            "Ana Holm began her second term at a glittering inauguration ceremony in Granvik on Tuesday. "
            + "Holm set out on another six years in office after a long campaign with no real rival."));
        var other = await retriever.RetrieveAsync(Question, default);
        Assert.False(other.Covered, "six years is the term's length, not the ceremony's");
        Assert.Equal("no passage gives the length of time asked for", other.Grounding?.Reason);

        using var second = new TempIndex();
        var told = await (await second.RetrieverOverAsync(Articles.Make("Holm sworn in",
            "Ana Holm began her second term at a glittering inauguration ceremony in Granvik on Tuesday. "
            + "The ceremony lasted barely forty minutes. Holm set out on another six years in office after a long campaign."))).RetrieveAsync(Question, default);
        Assert.True(told.Covered, told.Grounding?.Reason);
        Assert.Contains("forty minutes", new ExtractiveAnswerWriter(TextAnalyzer.Default).Write(told).Text);

        // …told of it, not beside it in a sentence about something else.
        using var far = new TempIndex();
        var beside = await (await far.RetrieverOverAsync(Articles.Make("Holm sworn in",
            "Ana Holm was sworn in at Granvik on Tuesday after a long campaign. The inauguration ceremony, which opened a term that "
            + "could keep Holm in office for thirty years, was marked by a bellicose speech."))).RetrieveAsync(Question, default);
        Assert.False(beside.Covered, "thirty years is how long she may rule, far from the ceremony it is told beside");
        // "…the ceremony (which lasted more than forty minutes)": a length after "lasted" is told of what lasted.
        using var after = new TempIndex();
        var lasted = await (await after.RetrieverOverAsync(Articles.Make("Holm sworn in",
            "Ana Holm was sworn in at Granvik on Tuesday after a long campaign. Diplomats recalled the inauguration ceremony of her "
            + "predecessor in the old Granvik cathedral (which lasted more than forty minutes)."))).RetrieveAsync(Question, default);
        Assert.True(lasted.Covered, lasted.Grounding?.Reason);

        // A sentence pointing back at the one before tells of what it names: "It lasted barely forty minutes."
        using var third = new TempIndex();
        var pointing = await (await third.RetrieverOverAsync(Articles.Make("Holm sworn in",
            "Ana Holm began her second term at a glittering inauguration ceremony in Granvik on Tuesday. "
            + "It lasted barely forty minutes, after a long campaign with no real rival."))).RetrieveAsync(Question, default);
        Assert.True(pointing.Covered, pointing.Grounding?.Reason);
    }

    [Fact]
    public async Task A_measure_the_question_names_is_answered_only_by_a_figure_told_as_that_measure()
    {
        const string Question = "What was the turnout in the May separatist referendum in Ostmark oblast?";
        var retriever = await IndexAsync(Articles.Make("Ostmark referendum",
            "In Ostmark oblast, the organisers of the separatist referendum in May reported 89% support for independence. "
            + "Observers from Granvik called the vote a sham."));
        var support = await retriever.RetrieveAsync(Question, default);
        Assert.False(support.Covered, "89% is the support the organisers reported, not the turnout");
        Assert.Equal("no passage gives the number asked for", support.Grounding?.Reason);

        using var second = new TempIndex();
        var told = await (await second.RetrieverOverAsync(Articles.Make("Ostmark referendum",
            "In Ostmark oblast, the organisers of the separatist referendum in May said turnout was 54%. "
            + "Observers from Granvik called the vote a sham."))).RetrieveAsync(Question, default);
        Assert.True(told.Covered, told.Grounding?.Reason);
        Assert.Contains("54%", new ExtractiveAnswerWriter(TextAnalyzer.Default).Write(told).Text);

        // "…budget deficit": the last measure named is the one asked; a figure far from it in the sentence is another's.
        using var third = new TempIndex();
        var far = await (await third.RetrieverOverAsync(Articles.Make("Granvik finances",
            "Officials warned President Holm that weak oil revenue, which crashed by 50% in January from a year earlier, "
            + "and a Granvik budget deficit that continues to widen could bring a crisis by summer."))).RetrieveAsync(
            "How big was Granvik's budget deficit in January, going by the officials who warned Holm?", default);
        Assert.False(far.Covered, "50% is the fall in oil revenue, told far from the deficit");
    }

    [Fact]
    public async Task A_think_tank_is_answered_by_its_name_not_its_kind()
    {
        // Like a charity or a paper, a think tank is named, rarely called by its kind: "tank" is no word the passage must hold.
        var retriever = await IndexAsync(Articles.Make("Nuclear risk highest in decades, Holm warns",
            "In a paper released on Wednesday by the Granvik Strategic Policy Institute, Anders Holm said the risk of nuclear war "
            + "is now higher than at any time since the Cold War."),
            Articles.Make("Armour at the border", "Ostmark moved a tank battalion to its border with Lakeland on Monday."));
        var result = await retriever.RetrieveAsync("Which think tank put out Anders Holm's paper warning that the risk of nuclear war was the highest since the Cold War?", default);
        Assert.True(result.Covered, result.Grounding?.Reason);
        Assert.Contains("Granvik Strategic Policy Institute", new ExtractiveAnswerWriter(TextAnalyzer.Default).Write(result).Text);
    }

    [Fact]
    public async Task The_kind_of_piece_a_question_read_is_not_what_the_piece_must_say()
    {
        // "In that … essay", "…'s op-ed says": where the reader read it, which the piece rarely says of itself.
        var retriever = await IndexAsync(Articles.Make("Cheap drones and the Ostmark way of war",
            "Ostmark's drone boom recalls the Dutch military revolution, when iron cannons replaced bronze ones. "
            + "The Dutch revolution began in 1921, Anders Holm argues, and it changed who could afford to fight."),
            Articles.Make("Opinion pages", "The weekly opinion page carried an essay, a column, a guest commentary piece and an op-ed on fishing quotas."));
        var result = await retriever.RetrieveAsync(
            "That commentary piece on Ostmark's drone boom and the Dutch military revolution - what year does the essay say it began?", default);
        Assert.True(result.Covered, result.Grounding?.Reason);
        Assert.Contains("1921", new ExtractiveAnswerWriter(TextAnalyzer.Default).Write(result).Text);
        // Each word is in one passage, so each would weigh the same: the kind of piece weighs as who tells it does.
        var weights = result.TermWeights;
        Assert.True(weights[TextAnalyzer.Default.Term("essay")!] < 0.5 * weights[TextAnalyzer.Default.Term("revolution")!],
            $"essay {weights[TextAnalyzer.Default.Term("essay")!]:F2}, revolution {weights[TextAnalyzer.Default.Term("revolution")!]:F2}");
    }

    [Fact]
    public async Task The_setting_a_report_opens_with_sets_the_scene_of_its_figures()
    {
        // The title is cut short ("…began in St."), as scraped titles are; the lead names the city.
        var retriever = await IndexAsync(Articles.Make("A summit between President Holm and African leaders began in St.",
            "A summit between President Holm and African leaders began in Ostbury on Thursday, with a far lower turnout than before. "
            + "Holm has offered free grain to the continent, which the UN said would not replace the grain deal. "
            + "Just 17 heads of African states are attending this year, the palace confirmed."));
        var result = await retriever.RetrieveAsync("How many African heads of state showed up at Holm's summit in Ostbury?", default);
        Assert.True(result.Covered, result.Grounding?.Reason);
        Assert.Contains("17 heads", new ExtractiveAnswerWriter(TextAnalyzer.Default).Write(result).Text);
    }

    [Fact]
    public async Task Which_paper_is_not_answered_by_a_passage_that_speaks_of_the_paper_without_naming_it()
    {
        const string Story = "President Ana Holm gave the Ostmark newspaper an extensive interview on Tuesday. "
            + "Holm said both Granvik and Lakeland would have to make concessions before any talks.";
        var retriever = await IndexAsync(Articles.Make("Holm interview", Story));
        const string Question = "Which Ostmark newspaper did Ana Holm tell that Granvik and Lakeland would have to make concessions?";
        var unnamed = await retriever.RetrieveAsync(Question, default);
        Assert.False(unnamed.Covered, "the story says there was a newspaper, not which");
        Assert.Equal("the passages about it speak of the newspaper without naming it", unnamed.Grounding?.Reason);

        using var other = new TempIndex();
        var named = await (await other.RetrieverOverAsync(Articles.Make("Holm interview",
            Story.Replace("the Ostmark newspaper", "the Ostmark newspaper Corriere Nord", StringComparison.Ordinal)))).RetrieveAsync(Question, default);
        Assert.True(named.Covered, named.Grounding?.Reason);
        Assert.Contains("Corriere Nord", new ExtractiveAnswerWriter(TextAnalyzer.Default).Write(named).Text);

        // A story that never says "newspaper" may still name it ("writing in the Daily Courier"): no refusal for that.
        using var third = new TempIndex();
        var writing = await (await third.RetrieverOverAsync(Articles.Make("Holm interview",
            "President Ana Holm, speaking to the Daily Courier of Ostmark on Tuesday, said both Granvik and Lakeland would have to make concessions before any talks.")))
            .RetrieveAsync(Question, default);
        Assert.True(writing.Covered, writing.Grounding?.Reason);
    }

    [Fact]
    public async Task A_date_told_of_something_else_is_no_answer_to_when()
    {
        var retriever = await IndexAsync(Articles.Make("Lena Vasko reappears",
            "Lena Vasko, who guards her privacy, has not appeared in public since February 24. "
            + "Britain and the EU put Vasko under sanctions, while the US held back for fear of angering Ostmark."));
        var when = await retriever.RetrieveAsync("When did the US finally put Lena Vasko under sanctions?", default);
        Assert.False(when.Covered, "February 24 is when she was last seen, not when she was sanctioned");
        Assert.Equal("no passage gives the date asked for", when.Grounding?.Reason);

        using var other = new TempIndex();
        var told = await (await other.RetrieverOverAsync(Articles.Make("Lena Vasko sanctioned",
            "Lena Vasko, who guards her privacy, has not appeared in public since February 24. "
            + "The US finally put Vasko under sanctions on August 2, after months of delay.")))
            .RetrieveAsync("When did the US finally put Lena Vasko under sanctions?", default);
        Assert.True(told.Covered, told.Grounding?.Reason);
    }

    [Fact]
    public async Task Where_someone_teaches_is_told_by_the_post_they_hold()
    {
        // "teach" is no word of the report: it names the post ("a senior lecturer at…"), which says where.
        var retriever = await IndexAsync(Articles.Make("The drone revolution in Ostmark",
            "Cheap drones are changing how Ostmark fights, argues Dr Ana Holm in a new essay on the war. "
            + "Dr Ana Holm is a senior lecturer at the School of International Relations at the University of Lakeport."));
        var result = await retriever.RetrieveAsync("Where does Ana Holm teach?", default);
        Assert.True(result.Covered, result.Grounding?.Reason);
        Assert.Contains("University of Lakeport", new ExtractiveAnswerWriter(TextAnalyzer.Default).Write(result).Text);
    }

    [Theory]
    [InlineData("Germans", false)]
    [InlineData("Italians", true)]
    public async Task A_share_of_a_nation_is_told_of_that_nation(string people, bool covered)
    {
        // The poll names Germany, but gives a figure only for Italy: no share of Germans is told.
        var retriever = await IndexAsync(Articles.Make("Lakeport Council poll: Europeans split over the war",
            "The share of voters in the peace camp was highest in Italy, at 52%, the polling found. "
            + "A third group, the swing voters, made up about 20% of those asked. "
            + "The Lakeport Council polled voters in ten countries, among them Germany, France and Italy."));
        var result = await retriever.RetrieveAsync($"In the Lakeport Council poll, what share of {people} were in the peace camp?", default);
        Assert.True(covered == result.Covered, result.Grounding?.Reason);
        if (covered) Assert.Contains("52%", new ExtractiveAnswerWriter(TextAnalyzer.Default).Write(result).Text);
    }

    [Fact]
    public async Task A_place_after_a_name_is_named_on_its_own()
    {
        // "the Lakeport Council Russia report": the report says "Lakeport Council" and "Russia" apart, never together.
        var retriever = await IndexAsync(Articles.Make("Negotiating with Russia - Lakeport Council",
            "The Lakeport Council paper looks at how Moscow negotiates. "
            + "Ukraine should be able to disrupt Russia's forces at depths of roughly 300 km behind the front."));
        var result = await retriever.RetrieveAsync("The Lakeport Council Russia negotiation report says Ukraine should be able to disrupt forces at what depth behind the front?", default);
        Assert.True(result.Covered, result.Grounding?.Reason);
        Assert.Contains("300 km", new ExtractiveAnswerWriter(TextAnalyzer.Default).Write(result).Text);
    }

    [Fact]
    public async Task A_sentence_told_before_a_how_many_question_sets_its_scene()
    {
        // The first sentence of the question says what the report is about; the figure stands with the asking
        // sentence's words ("kilometres", Marsk, Tollen), not with "push" or "wants".
        var retriever = await IndexAsync(Articles.Make("Offensive assessment, February 2",
            "The army wants to push on to Tollen once it has taken Marsk, analysts said. "
            + "The river crossing is the hardest part of any such plan. "
            + "Forces would need to complete the seizure of Marsk and advance 14 kilometers from Marsk to Tollen."));
        var result = await retriever.RetrieveAsync("Analysts said the army wants to push on to Tollen after taking Marsk. How many kilometres is it from Marsk to Tollen?", default);
        Assert.True(result.Covered, result.Grounding?.Reason);
        Assert.Contains("14 kilometers", new ExtractiveAnswerWriter(TextAnalyzer.Default).Write(result).Text);
    }

    [Fact]
    public async Task A_timeline_question_finds_each_end_of_the_story_and_answers_oldest_first()
    {
        var retriever = await IndexAsync(
            Articles.Make("Geneva round", "The third round of talks opened in Geneva with a focus on a ceasefire line.", published: new DateOnly(2026, 2, 17)),
            Articles.Make("Abu Dhabi round", "The first round of talks in Abu Dhabi ended with an agreement on a prisoner exchange.", published: new DateOnly(2026, 1, 24)));

        var result = await retriever.RetrieveAsync("How did the talks move on from Abu Dhabi to Geneva?", default);
        Assert.True(result.Covered, result.Grounding?.Reason);
        Assert.NotNull(result.Timeline);
        var lines = new ExtractiveAnswerWriter(TextAnalyzer.Default).Write(result).Text.Split('\n');
        Assert.True(lines.Length >= 2, string.Join(" | ", lines));
        Assert.Contains("Abu Dhabi", lines[0]);
        Assert.Contains(lines.Skip(1), l => l.Contains("Geneva"));
        // Each report dated, in the bot's words beside the quote, not in it.
        Assert.StartsWith("24 Jan 2026 — ", lines[0]);
        Assert.Contains(lines.Skip(1), l => l.StartsWith("17 Feb 2026 — ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_comparison_across_years_finds_what_each_year_tells_not_the_year_named_in_passing()
    {
        // Eight reports name 2022 only to date the invasion, with more of the question's words than the one that tells
        // what 2022's talks were; that one must still speak for 2022, and come first.
        var passing = Enumerable.Range(1, 8).Select(n => Articles.Make($"Talks round {n}",
            $"The peace talks and negotiations in Lakeport, round {n}, are the latest attempt to end the war that followed the full-scale invasion in February 2022. Negotiations on peace talks will go on.",
            published: new DateOnly(2026, 2, n))).ToArray();
        var retriever = await IndexAsync([
            .. passing,
            Articles.Make("Four years of war", "Much has changed on the battlefield. In 2022, there were five rounds of peace talks, in Granvik and in Oldport, before the negotiations broke down. Grain exports resumed later.", published: new DateOnly(2026, 2, 23)),
            Articles.Make("Trilateral talks", "The 2026 negotiations brought the first trilateral peace talks in Lakeport, with envoys from three capitals.", published: new DateOnly(2026, 1, 24))]);

        var result = await retriever.RetrieveAsync("How did the 2022 peace talks compare with the 2026 negotiations?", default);
        Assert.True(result.Covered, result.Grounding?.Reason);
        var lines = new ExtractiveAnswerWriter(TextAnalyzer.Default).Write(result).Text.Split('\n');
        Assert.True(lines[0].Contains("In 2022, there were five rounds of peace talks"), string.Join(" | ", lines));
        Assert.StartsWith("23 Feb 2026 — ", lines[0]);
        Assert.Contains(lines.Skip(1), l => l.Contains("trilateral"));
    }

    [Fact]
    public async Task How_many_people_needs_a_number_that_counts_people_told_with_what_they_did()
    {
        const string question = "How many people visited the exhibition of captured tanks in Moscow?";
        var retriever = await IndexAsync(
            ("Trophies on show", "An exhibition of captured Western tanks opened in Moscow on Wednesday. The exhibition of captured tanks shows more than 30 pieces of heavy equipment, the ministry said."),
            ("Losses", "Moscow's forces captured tanks while suffering hundreds of thousands of casualties in the east."));
        var pieces = await retriever.RetrieveAsync(question, default);
        Assert.False(pieces.Covered, "30 pieces of equipment are no count of people, nor casualties of visitors");
        Assert.Equal("no passage gives the number asked for", pieces.Grounding?.Reason);

        var answered = await IndexAsync(
            ("Trophies on show", "An exhibition of captured Western tanks opened in Moscow on Wednesday. More than 12,000 people visited the exhibition in its first week, the ministry said."));
        var visitors = await answered.RetrieveAsync(question, default);
        Assert.True(visitors.Covered, visitors.Grounding?.Reason);
        Assert.Contains("12,000 people", new ExtractiveAnswerWriter(TextAnalyzer.Default).Write(visitors).Text);
    }

    [Fact]
    public async Task A_question_in_a_reader_s_words_is_grounded_by_the_report_s_words()
    {
        // "how fast … gaining ground" is "advanced at a rate of … per day"; "which country … factory" is "a plant in Germany".
        var retriever = await IndexAsync(
            ("Front line", "Russian forces advanced at an average rate of 70 meters per day around Northfield, analysts said."),
            ("Joint production", "The first joint Ukrainian drone production plant abroad began work in Germany in February, the ministry said."));
        var writer = new ExtractiveAnswerWriter(TextAnalyzer.Default);
        var pace = await retriever.RetrieveAsync("How fast is the army gaining ground around Northfield?", default);
        Assert.True(pace.Covered, pace.Grounding?.Reason);
        Assert.Contains("70 meters per day", writer.Write(pace).Text);
        var where = await retriever.RetrieveAsync("In which country did the first joint Ukrainian drone factory abroad start working?", default);
        Assert.True(where.Covered, where.Grounding?.Reason);
        Assert.Contains("Germany", writer.Write(where).Text);
    }

    [Fact]
    public async Task Whose_adviser_a_named_person_is_describes_him_and_need_not_be_in_the_passage()
    {
        var retriever = await IndexAsync(
            [
                Articles.Make("Talks ruled out", "Peace talks with Moscow remain out of the question, presidential adviser Ivan Petrenko said on Saturday in Kyiv."),
                Articles.Make("An address", "Zelensky thanked the air defence crews in his evening address on Saturday."),
            ]);
        var said = await retriever.RetrieveAsync("What did Zelensky's adviser Ivan Petrenko say about peace talks with Moscow?", default);
        Assert.True(said.Covered, said.Grounding?.Reason);
        Assert.Contains("out of the question", new ExtractiveAnswerWriter(TextAnalyzer.Default).Write(said).Text);
        // Without the adviser's name, whose adviser is what the question names.
        var unnamed = await retriever.RetrieveAsync("What did Zelensky say about peace talks with Moscow?", default);
        Assert.False(unnamed.Covered, "the adviser's words answered for Zelensky");
    }

    [Fact]
    public async Task A_person_named_only_as_the_source_need_not_be_in_the_passage()
    {
        // An op-ed's author is its byline, not its text: "according to Marta Kowal" is who tells it.
        var retriever = await IndexAsync(
            [
                Articles.Make("The pipeline that divided Europe", "Gerhard Brandt served as chancellor until 2005 and then launched the Baltic Link pipeline project for Moscow in 2011."),
                Articles.Make("Energy prices", "Marta Kowal wrote that energy prices in Warsaw rose again in the winter."),
            ]);
        var writer = new ExtractiveAnswerWriter(TextAnalyzer.Default);
        var year = await retriever.RetrieveAsync("According to Marta Kowal, in what year did Gerhard Brandt launch the Baltic Link pipeline project?", default);
        Assert.True(year.Covered, year.Grounding?.Reason);
        Assert.Contains("2011", writer.Write(year).Text);
        // Named as the one who did it, she must be held.
        var hers = await retriever.RetrieveAsync("In what year did Marta Kowal launch the Baltic Link pipeline project?", default);
        Assert.False(hers.Covered, "Brandt's project answered for Kowal");
    }

    [Fact]
    public async Task A_title_the_articles_never_use_is_no_reason_to_refuse()
    {
        var retriever = await IndexAsync(
            [
                Articles.Make("Tehran on the drones", "Iran's supreme leader Ali Khamenei said on Tuesday that the drones were sold to Russia before the war began."),
                Articles.Make("Kyiv on the drones", "Ukraine's air force said it shot down 30 cheap Shahed drones over Kyiv on Tuesday night."),
            ]);
        var said = await retriever.RetrieveAsync("When did Ayatollah Khamenei say the cheap drones were sold to Russia?", default);
        Assert.True(said.Covered, said.Grounding?.Reason);
        Assert.Contains("before the war began", new ExtractiveAnswerWriter(TextAnalyzer.Default).Write(said).Text);
        // A name the articles never use still is one.
        var other = await retriever.RetrieveAsync("When did Ayatollah Rafsanjani say the cheap drones were sold to Russia?", default);
        Assert.False(other.Covered, "Khamenei's words answered for Rafsanjani");
    }

    [Fact]
    public async Task A_name_in_a_Polish_transliteration_is_the_same_name()
    {
        // Three letters apart ("sz"/"sh", "w"/"v", "cz"/"ch"), too far for a misspelling, yet one name to a reader.
        var retriever = await IndexAsync(
            [
                Articles.Make("Kharkiv governor speaks", "Governor Oleh Szewczenko said on Monday that 40 drones hit the city of Kharkiv overnight."),
                Articles.Make("A museum reopens", "The museum of the poet Taras Shevchuk reopened in Kyiv with a new exhibition about the drones of the war."),
            ]);
        var count = await retriever.RetrieveAsync("How many drones did Oleh Shevchenko say hit Kharkiv?", default);
        Assert.True(count.Covered, count.Grounding?.Reason);
        Assert.Contains("40 drones", new ExtractiveAnswerWriter(TextAnalyzer.Default).Write(count).Text);
        Assert.NotEqual(NameSound.Of("Shevchenko"), NameSound.Of("Shevchuk"));
        Assert.NotEqual(NameSound.Of("Zelensky"), NameSound.Of("Zelenska"));
        Assert.Equal(NameSound.Of("Zelensky"), NameSound.Of("Zelenski"));
        Assert.Equal(NameSound.Of("Kabaeva"), NameSound.Of("Kabajewa"));
        // The cheap test made first agrees with the sound: the same ending after the same replacements.
        Assert.Equal(NameSound.Of("Pavlich"), NameSound.Of("Pawlicz"));
        Assert.True(NameSound.SameEnding("Pavlich", "Pawlicz"));
        Assert.False(NameSound.SameEnding("Zelensky", "Zelenska"));
    }

    [Fact]
    public async Task A_rare_name_is_found_in_another_spelling_and_a_frequent_one_or_a_look_alike_is_not()
    {
        var retriever = await IndexAsync(
            [
                Articles.Make("A warning remembered", "The former Polish president Alexander Kwasniewski recalled that as early as 2002 Putin told him about rebuilding a Greater Russia."),
                Articles.Make("A hospital opens", "Olena Zelenska opened a children's hospital in Lviv on Tuesday."),
                Articles.Make("An interview", "Zelensky told the anchor Christiane Amanpour that sanctions should come before an invasion, not after it."),
                .. Enumerable.Range(0, 12).Select(d => Articles.Make($"Evening address {d}", $"Zelensky spoke about air defence in his evening address on day {d}.")),
            ]);
        var year = await retriever.RetrieveAsync("In what year did Putin tell Aleksander Kwasniewski about rebuilding a Greater Russia?", default);
        Assert.True(year.Covered, year.Grounding?.Reason);
        Assert.Contains("2002", new ExtractiveAnswerWriter(TextAnalyzer.Default).Write(year).Text);
        // A name the index holds often is spelt as the index spells it: Zelensky is not Zelenska.
        var opened = await retriever.RetrieveAsync("What did Zelensky open in Lviv?", default);
        Assert.False(opened.Covered, "Zelenska's hospital answered for Zelensky");
        // Nor is a word the index lacks another's spelling because it starts alike: Christmas is not Christiane.
        var christmas = await retriever.RetrieveAsync("What did Zelensky say in his Christmas message?", default);
        Assert.False(christmas.Covered, "the interview with Christiane Amanpour answered for a Christmas message");
    }

    [Fact]
    public async Task Who_tells_it_weighs_less_than_what_is_told()
    {
        // The wire's timeline is the source; its passage says what happened, not "AFP's first-anniversary timeline".
        var retriever = await IndexAsync(
            [
                Articles.Make("A year of war", "Russian troops abandoned Kherson on November 9, pulling back across the river.", outlet: "AFP"),
                Articles.Make("Wire notes", "AFP published its timeline of the war from the first day on the anniversary of the invasion, giving the date of each event."),
            ]);
        var result = await retriever.RetrieveAsync("According to AFP's first-anniversary timeline of the war, on what date did Russian troops abandon Kherson?", default);
        Assert.True(result.Covered, result.Grounding?.Reason);
        Assert.Contains("November 9", new ExtractiveAnswerWriter(TextAnalyzer.Default).Write(result).Text);
    }

    [Fact]
    public async Task A_long_question_is_grounded_by_the_best_passage_when_it_gives_the_answer_asked_for()
    {
        var retriever = await IndexAsync(
            ("Troops on alert", "Defence Secretary Lloyd Austin put 8,500 troops on heightened alert for a possible deployment to Europe, the Pentagon said on Monday."),
            ("Elsewhere", "The fire chief quietly kept two engines on standby late into the night as worries grew about the heat."));
        // Most of its words are the reader's own, but the passage names the Pentagon and Europe and counts the troops
        // next to what happened to them.
        const string asked = "How many {0} did the Pentagon chief quietly put on standby for a possible move to Europe late as worries grew?";
        var soldiers = await retriever.RetrieveAsync(string.Format(asked, "soldiers"), default);
        Assert.True(soldiers.Covered, soldiers.Grounding?.Reason);
        Assert.StartsWith("Defence Secretary Lloyd Austin put 8,500 troops", new ExtractiveAnswerWriter(TextAnalyzer.Default).Write(soldiers).Text);
        // With so few of its words held, the count must name what is asked: 8,500 troops are no count of tanks.
        var tanks = await retriever.RetrieveAsync(string.Format(asked, "tanks"), default);
        Assert.False(tanks.Covered, "8,500 troops answered how many tanks");
    }

    [Fact]
    public async Task How_many_leaders_is_a_count_of_people_too()
    {
        var retriever = await IndexAsync(
            ("Chancellor in Beijing", "The chancellor ended a three-day visit to China on Tuesday. Business leaders who travelled with the chancellor met Chinese ministers."));
        var result = await retriever.RetrieveAsync("How many business leaders travelled with the chancellor to China?", default);
        Assert.False(result.Covered, "a three-day visit counts days, not business leaders");
    }

    [Fact]
    public async Task A_question_about_money_needs_an_amount_and_one_about_a_name_needs_the_role_holder_named()
    {
        var retriever = await IndexAsync(
            ("Factories and blackouts", "The Lakeport steel works bought diesel generators to get through the blackouts, its director said. For more than two months the steel works has run on the diesel generators."),
            ("Terminals", "The enemy would need six months to replace the satellite terminals, said a drone commander. The Harbour Armed Forces Operational Command reported new attacks near the front."));
        var spent = await retriever.RetrieveAsync("How much did the Lakeport steel works spend on diesel generators?", default);
        Assert.False(spent.Covered, "'two months' is no amount of money" + spent.Grounding?.Reason);
        Assert.Equal("no passage gives the number asked for", spent.Grounding?.Reason);
        var name = await retriever.RetrieveAsync("What is the name of the drone commander who said the enemy would need six months to replace the terminals?", default);
        Assert.False(name.Covered, "the commander is not named; 'Armed Forces Operational Command' is no person");
        Assert.Equal("no passage names the person asked for", name.Grounding?.Reason);

        var answered = await IndexAsync(
            ("Factories and blackouts", "The Lakeport steel works spent 12 million hryvnias on diesel generators to get through the blackouts, its director said."),
            ("Terminals", "The enemy would need six months to replace the satellite terminals, said drone commander Ostap Hrytsenko."));
        var writer = new ExtractiveAnswerWriter(TextAnalyzer.Default);
        var amount = await answered.RetrieveAsync("How much did the Lakeport steel works spend on diesel generators?", default);
        Assert.True(amount.Covered, amount.Grounding?.Reason);
        Assert.Contains("12 million hryvnias", writer.Write(amount).Text);
        var named = await answered.RetrieveAsync("What is the name of the drone commander who said the enemy would need six months to replace the terminals?", default);
        Assert.True(named.Covered, named.Grounding?.Reason);
        Assert.Contains("Hrytsenko", writer.Write(named).Text);
    }

    [Fact]
    public async Task The_latest_news_is_answered_newest_first_dated_and_says_how_old_it_is()
    {
        var retriever = await IndexAsync(
            Articles.Make("Talks stall", "The peace talks stalled in Lakeport over the ceasefire line.", published: new DateOnly(2026, 1, 10)),
            Articles.Make("Talks resume", "The peace talks resumed in Granvik with a new ceasefire proposal.", published: new DateOnly(2026, 2, 20)));
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

        var result = await retriever.RetrieveAsync("What's the latest on the peace talks?", default);
        Assert.True(result.Covered, result.Grounding?.Reason);
        var answer = new ExtractiveAnswerWriter(TextAnalyzer.Default, clock).Write(result);
        var lines = answer.Text.Split('\n');
        Assert.StartsWith("20 Feb 2026 — ", lines[0]);
        Assert.Contains("Granvik", lines[0]);
        Assert.Equal("The newest of these reports is from 20 Feb 2026, 10 days ago.", answer.Notice);
        var quote = QuotedSentences.Of(answer)[0];
        Assert.Equal(("20 Feb 2026", "The peace talks resumed in Granvik with a new ceasefire proposal."), (quote.Date, quote.Quote));

        // Not a question for news: no dates, no notice.
        var plain = new ExtractiveAnswerWriter(TextAnalyzer.Default, clock).Write(await retriever.RetrieveAsync("Where did the peace talks resume?", default));
        Assert.Null(plain.Notice);
        Assert.DoesNotContain(" — ", plain.Text);
    }

    [Fact]
    public async Task One_sentence_reported_by_two_outlets_is_quoted_once_and_cited_to_both()
    {
        const string wire = "Zelensky said on Sunday that the document setting out security guarantees for Ukraine was ready to be signed.";
        var retriever = await IndexAsync(
            ("Guarantees document ready (Wire One)", wire + " Officials gave no date for a signing ceremony."),
            ("Kyiv says guarantees text is ready (Wire Two)", "In Kyiv, lawmakers welcomed the news. " + wire));
        var result = await retriever.RetrieveAsync("What did Zelensky say about the security guarantees document?", default);
        Assert.True(result.Covered, result.Grounding?.Reason);
        var answer = new ExtractiveAnswerWriter(TextAnalyzer.Default).Write(result);
        var quote = Assert.Single(QuotedSentences.Of(answer), q => q.Quote == wire);
        Assert.Equal("[1][2]", quote.Markers);
        Assert.Equal(2, answer.Citations.Count(c => c.Title.Contains("Wire")));
    }

    [Fact]
    public async Task A_language_is_a_kind_named_without_its_kind()
    {
        var retriever = await IndexAsync(
            ("Ministers gather", "Prime Minister Arun Desai opened the meeting of foreign ministers on Thursday. "
                + "It was a rare address by Mr Desai in English, a sign of how much he wanted the message heard."));
        var result = await retriever.RetrieveAsync("What language did Desai give his opening address in at the meeting of foreign ministers?", default);
        Assert.True(result.Covered, result.Grounding?.Reason);
        Assert.Contains("in English", new ExtractiveAnswerWriter(TextAnalyzer.Default).Write(result).Text);
    }
}
