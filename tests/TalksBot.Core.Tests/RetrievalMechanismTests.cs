using TalksBot.Core.Answering;
using TalksBot.Core.Conversations;
using TalksBot.Core.Retrieval;

namespace TalksBot.Core.Tests;

public sealed class RetrievalMechanismTests
{
    private static readonly TextAnalyzer Analyzer = TextAnalyzer.Default;

    private static IReadOnlyDictionary<string, long> Vocabulary(params string[] words) =>
        words.Select(w => Analyzer.Term(w)!).Distinct().ToDictionary(t => t, t => 10L);

    [Theory]
    [InlineData("Ukraine's Prime Minister Denys Shmyhal met the visitors.", true)]
    [InlineData("The prime minister of Ukraine met the visitors.", true)]
    [InlineData("Spanish Prime Minister Sanchez was in Kyiv on Thursday.", false)]
    [InlineData("The prime minister said later that day that Ukraine would sign.", false)]
    public void A_possessive_reads_backwards_only_with_the_possessor_right_after_the_role(string sentence, bool holds)
    {
        var phrase = new FocusPhrase([Analyzer.Term("Ukraine")!, Analyzer.Term("prime")!], false, 3);
        var terms = Analyzer.Terms(sentence).Select(t => t == Analyzer.Term("Kyiv") ? Analyzer.Term("Ukraine")! : t).ToList();
        Assert.Equal(holds, FocusHold.Contains(terms, phrase));
    }

    [Theory]
    [InlineData("ceasfire", "ceasefire")]
    [InlineData("ukriane", "ukraine")]
    [InlineData("guarntee", "guarantee")]
    [InlineData("negotiatons", "negotiations")]
    public void A_misspelt_word_is_corrected_against_the_index_vocabulary(string typed, string meant)
    {
        var vocabulary = Vocabulary("ceasefire", "ukraine", "guarantee", "negotiations", "argon", "boiling", "point");
        Assert.Equal(Analyzer.Term(meant), new SpellingCorrector(Analyzer).Correct(typed, vocabulary));
    }

    [Fact]
    public void A_word_with_nothing_near_it_stays_unknown_and_a_misspelt_stop_word_is_a_stop_word()
    {
        var corrector = new SpellingCorrector(Analyzer);
        Assert.Null(corrector.Correct("tungsten", Vocabulary("argon", "boiling", "point", "ceasefire")));
        // Two edits that change how the word starts make another word: "warheads" is not "ahead".
        Assert.Null(corrector.Correct("warheads", Vocabulary("ahead", "argon", "point")));
        Assert.True(corrector.IsMisspeltStopWord("wher"));
        Assert.False(corrector.IsMisspeltStopWord("kyiv"));
    }

    [Fact]
    public void Zero_width_characters_and_apostrophe_less_contractions_do_not_change_the_terms()
    {
        Assert.Equal(Analyzer.Terms("Zelensky"), Analyzer.Terms("Zel\u200Bensky"));
        Assert.Equal(Analyzer.Terms("who is leading russia delegation"), Analyzer.Terms("whos leading russias delegation"));
    }

    [Fact]
    public void The_question_analysis_finds_names_written_together_possessives_and_paraphrases()
    {
        var q = Analyzer.AnalyzeQuestion("Who leads Russia's delegation in Abu Dhabi, and what did Washington say?");
        var russia = q.Words.Single(w => w.Token == "Russia");
        Assert.True(russia.Possessive);
        Assert.True(q.Words.Single(w => w.Token == "Abu").NextAdjacent);
        Assert.Contains(q.PlaceTerms, p => p.SequenceEqual([Analyzer.Term("abu")!, Analyzer.Term("dhabi")!]));
        Assert.Contains(q.Paraphrases, p => p.Term == Analyzer.Term("washington") && p.Alternatives.Contains(Analyzer.Term("usa")!));
        var deadline = Analyzer.AnalyzeQuestion("By when must a deal be done?");
        Assert.Contains(deadline.Paraphrases, p => p.FromPhrase && (p.Term == Analyzer.Term("deadline") || p.Alternatives.Contains(Analyzer.Term("deadline")!)));
        // "head of government" stands for a prime minister ("Prime Minister Ana Brnabić").
        var head = Analyzer.AnalyzeQuestion("Which Serbian head of government called it aggression?");
        Assert.Contains(head.Paraphrases, p => p.FromPhrase && (p.Term == Analyzer.Term("prime") || p.Alternatives.Contains(Analyzer.Term("prime")!)));
    }

    [Theory]
    [InlineData("How many prisoners were exchanged?", QuestionType.Quantity)]
    [InlineData("How long should the guarantees last?", QuestionType.Duration)]
    [InlineData("When did the talks start?", QuestionType.Time)]
    [InlineData("Where were the Russian prisoners released to?", QuestionType.Place)]
    [InlineData("Who leads Ukraine's delegation?", QuestionType.Person)]
    [InlineData("What did Putin say about confrontation?", QuestionType.Statement)]
    [InlineData("How fast is Moscow's army gaining ground around Pokrovsk?", QuestionType.Quantity)]
    [InlineData("How badly did Russia's oil money drop in January?", QuestionType.Quantity)]
    [InlineData("Which German minister warned that the negotiations could drag on?", QuestionType.Person)]
    [InlineData("Which of Putin's longtime associates pushed back at the session?", QuestionType.Person)]
    [InlineData("What happened at the summit at which leaders agreed a truce?", QuestionType.Other)]
    [InlineData("What did Putin answer when Khan asked him about the war?", QuestionType.Statement)]
    [InlineData("Why was the Victory Day parade in Crimea called off?", QuestionType.Reason)]
    [InlineData("According to the agency's timeline, on what date did the troops leave the city?", QuestionType.Time)]
    [InlineData("At the spring summit in Granvik, how many soldiers did the alliance put on standby?", QuestionType.Quantity)]
    [InlineData("Roughly how many reservists could be called back?", QuestionType.Quantity)]
    [InlineData("Besides Marlow, Quint and Adler, which adviser joined the meeting?", QuestionType.Person)]
    [InlineData("How many MPs backed the new government, which brought back two sanctioned officials?", QuestionType.Quantity)]
    [InlineData("By the summer, how long had it been since the two leaders spoke?", QuestionType.Duration)]
    [InlineData("A mediator called the alliance a US-dominated set-up - about how many troops were still based abroad?", QuestionType.Quantity)]
    [InlineData("One thing puzzles me: where did the delegations meet?", QuestionType.Place)]
    [InlineData("When the envoy met the president in Granvik last June, what did he say about ending the war?", QuestionType.Statement)]
    [InlineData("When did the envoy meet the president, and where?", QuestionType.Time)]
    [InlineData("What record level did support for the talks reach in August, going by the pollster?", QuestionType.Quantity)]
    [InlineData("What death toll did the regional governor give?", QuestionType.Quantity)]
    [InlineData("How cold has Granvik been getting this winter, going by the archbishop?", QuestionType.Quantity)]
    [InlineData("What was the official turnout in the Granvik referendum?", QuestionType.Quantity)]
    [InlineData("how expensive was the new bridge?", QuestionType.Quantity)]
    [InlineData("the tycoon's rant in april - what % of voters did he claim were against it", QuestionType.Quantity)]
    [InlineData("what exact date in december 2025 did the envoy hold his talks in Granvik?", QuestionType.Time)]
    [InlineData("The envoy flew to Granvik after the vote - on which exact day?", QuestionType.Time)]
    [InlineData("Which part of Granvik got hit by a missile during the envoy's visit?", QuestionType.Place)]
    [InlineData("Which part did the envoy play in the talks?", QuestionType.Other)]
    [InlineData("In which northern city is the steelworks that lost output to the blackouts?", QuestionType.Place)]
    [InlineData("the map hints that the army wants to seize which two oblasts?", QuestionType.Place)]
    [InlineData("What is the Granvik central bank's key interest rate now?", QuestionType.Quantity)]
    [InlineData("What was the council's reaction to the rate of arrests?", QuestionType.Other)]
    [InlineData("What capital controls did Granvik bring in?", QuestionType.Other)]
    public void The_question_type_is_read_from_its_words(string question, QuestionType type) =>
        Assert.Equal(type, AnswerCandidates.TypeOf(question));

    [Fact]
    public void The_question_type_read_once_follows_a_copy_with_another_question()
    {
        var query = TextAnalyzer.Default.AnalyzeQuestion("How many prisoners were exchanged?");
        Assert.Equal(QuestionType.Quantity, query.Type);
        Assert.Equal(QuestionType.Place, (query with { Question = "Where were the prisoners exchanged?" }).Type);
    }

    [Theory]
    [InlineData("Half of the revenues will go into the joint fund.", true)]
    [InlineData("The fund receives 50 percent of the new revenues.", true)]
    [InlineData("The fund receives 50% of the new revenues.", true)]
    [InlineData("The crisis cost about 12 billion hryvnias in tax revenues in January.", false)]
    [InlineData("The fund was set up by 2 governments.", false)]
    public void What_share_is_answered_by_a_part_of_a_whole_not_by_an_amount(string sentence, bool holds) =>
        Assert.Equal(holds, AnswerCandidates.Holds(QuestionType.Quantity, sentence, "What share of the revenues goes into the joint fund?"));

    [Theory]
    [InlineData("Military dialogue between the two had been suspended since 2021.", true)]
    [InlineData("The channel has been closed since early February.", true)]
    [InlineData("The guarantees would last for 30 years.", true)]
    [InlineData("The dialogue could stay suspended for two to three more years.", true)]
    [InlineData("The channel was closed after the talks in 2021.", false)]
    [InlineData("After more than a year we broke the deadlock, the ambassador said.", true)]
    [InlineData("The dialogue was suspended a year ago.", false)]
    [InlineData("After a year-long suspension the dialogue resumed.", true)]
    [InlineData("Months-long pauses in the dialogue are common.", true)]
    [InlineData("The dialogue was suspended for forty days.", true)]
    [InlineData("The dialogue was long suspended.", false)]
    public void How_long_is_answered_by_a_length_of_time_or_by_since_when(string sentence, bool holds) =>
        Assert.Equal(holds, AnswerCandidates.Holds(QuestionType.Duration, sentence, "How long has the dialogue been suspended?"));

    [Theory]
    [InlineData("How long has he been imprisoned?", true)]
    [InlineData("How long is his prison sentence?", false)]
    public void Since_when_answers_how_long_it_has_lasted_not_how_long_a_thing_is(string question, bool holds) =>
        Assert.Equal(holds, AnswerCandidates.Holds(QuestionType.Duration, "The historian has been imprisoned in Russia since April 2022.", question));

    [Theory]
    [InlineData("Efforts to end the nearly four-year war have sped up since the envoys met.", false)]
    [InlineData("The talks were part of a yearlong effort to end almost four years of war.", false)]
    [InlineData("The envoys' meeting at Lunde lasted three hours.", true)]
    public void A_length_of_the_war_answers_no_question_about_something_else(string sentence, bool holds) =>
        Assert.Equal(holds, AnswerCandidates.Holds(QuestionType.Duration, sentence, "How long did the envoys' meeting at Lunde last?"));

    [Theory]
    [InlineData("How long was the audio message Berg posted?", "On Monday, Berg posted an 11-minute voice recording on social media.")]
    [InlineData("How long did the foreign ministers' meeting go on?", "Lund said he had raised the matter during more than five hours of talks with Vesk.")]
    [InlineData("How long did the two leaders talk on the phone?", "The readout of the 50-minute call did not mention it.")]
    public void A_joined_length_or_one_of_something_answers_in_the_reports_own_words(string question, string sentence) =>
        Assert.True(AnswerCandidates.Holds(QuestionType.Duration, sentence, question));

    [Theory]
    [InlineData("The two leaders held an hour-long talk in Granvik on Wednesday.", true)]
    [InlineData("Their ties come alongside a years-long decline in Ostmark's relations with the West.", false)]
    public void A_length_written_before_what_lasted_answers_only_for_that(string sentence, bool holds) =>
        Assert.Equal(holds, AnswerCandidates.Holds(QuestionType.Duration, sentence, "How long did the two leaders talk when they met in Granvik?"));

    [Theory]
    [InlineData("There are nearly 350,000 combat-hardened military reservists.", true)]
    [InlineData("There are nearly 1.5 million combat-hardened military reservists.", true)]
    [InlineData("There are 350 tanks, and the combat-hardened military also has reservists.", false)]
    public void A_number_is_next_to_what_it_counts_from_its_last_word(string sentence, bool next) =>
        Assert.Equal(next, AnswerCandidates.NextToFocus(QuestionType.Quantity, sentence, "How many reservists are there?",
            new HashSet<string> { Analyzer.Term("reservists")! }, Analyzer));

    [Theory]
    [InlineData("Which veteran Ukrainian politician did Lukashenko sit down with?", "politician")]
    [InlineData("Which hotel hosted the talks?", "hotel")]
    [InlineData("At which hotel are the talks in Geneva taking place?", "hotel")]
    [InlineData("Which Russian airfield near the border filled up with tanks?", "airfield")]
    [InlineData("Which Kremlin-friendly TV journalist did Lavrov talk to?", "journalist")]
    [InlineData("Which country voted against?", null)]
    [InlineData("Which town near Kyiv did she visit?", null)]
    [InlineData("What dates was the summit at Versailles?", null)]
    [InlineData("In which region did the fighting stop?", null)]
    [InlineData("Which charity did the senator travel with?", null)]
    [InlineData("Which company made the drone's engine?", null)]
    [InlineData("Which country co-wrote the draft with the US?", null)]
    [InlineData("What did Zelensky's adviser Podolyak say about China?", null)]
    [InlineData("What was the archbishop's main point?", null)]
    [InlineData("Which paper did the archbishop write in?", null)]
    [InlineData("which newspaper ran the letter?", null)]
    [InlineData("Which formation will use the rebuilt garrison?", null)]
    [InlineData("Which Ukrainian actor, beaten up in Dublin, did the minister meet?", "actor")]
    [InlineData("Which reporter (veteran correspondent) asked first?", "reporter")]
    [InlineData("where in Granvik was the show of captured tanks held - which park?", "park")]
    [InlineData("Where did the envoys meet on 31 January, which hotel or venue?", "hotel")]
    [InlineData("The envoys met at the summit, which hotel hosted it?", "hotel")]
    [InlineData("The envoys met at the summit, which was held in a hotel?", null)]
    [InlineData("The envoys met in the hotel, which the minister owns?", null)]
    [InlineData("Which of Ostmark's two new aircraft carriers did the navy send to Lunde?", "carrier")]
    [InlineData("Which of the three bridges was hit first?", "bridge")]
    [InlineData("Which of them spoke first?", null)]
    public void The_kind_a_which_question_asks_for_is_the_noun_its_describing_words_lead_to(string question, string? kind) =>
        Assert.Equal(kind, PassageRetriever.AskedKind(question, Analyzer));

    [Theory]
    [InlineData("How long did the first day of the Geneva talks last?", "day")]
    [InlineData("How long did Putin's fifth-term inauguration ceremony in the Kremlin last in May 2024?", "ceremony")]
    [InlineData("How long did the late-night Kremlin meeting between Putin, Witkoff and Kushner on 22 January 2026 last?", "meeting")]
    [InlineData("How long did the Normandy-format session that produced the Minsk-II deal drag on?", "session")]
    [InlineData("how long did the first day last?", "day")]
    [InlineData("How long has the channel been closed?", null)]
    [InlineData("How long was the video call?", null)]
    public void How_long_did_x_last_asks_the_length_of_x(string question, string? thing) =>
        Assert.Equal(thing, PassageRetriever.LastingThing(question));

    [Theory]
    [InlineData("What was agreed in Geneva?", "Geneva", true)]
    [InlineData("How many drones were shot down at the Granvik talks?", "Granvik", true)]
    [InlineData("In Pavel Baev's piece, how many days of drone attacks follow?", "Pavel", false)]
    [InlineData("What did he promise in Zelensky's speech?", "Zelensky", false)]
    [InlineData("How many were killed when the depot near Dzhankoi blew up?", "Dzhankoi", true)]
    [InlineData("How many were killed when the depot of Dzhankoi blew up?", "Dzhankoi", false)]
    public void A_name_owning_what_follows_is_whose_it_is_not_where(string question, string name, bool setting) =>
        Assert.Equal(setting, TextAnalyzer.IsSettingIn(question, name, adjacent: true));

    [Theory]
    [InlineData("He would send grain free of charge to six nations.", "How many tonnes of free grain did he promise?", false)]
    [InlineData("He would send 50,000 tonnes of grain free of charge.", "How many tonnes of free grain did he promise?", true)]
    [InlineData("He would send 50,000 tonnes of grain free of charge.", "How many nations did he promise free grain?", false)]
    [InlineData("He would send 1.5 million tonnes of grain free of charge.", "How many tonnes of free grain did he promise?", true)]
    [InlineData("He would send 500,000 metric tons of grain free of charge.", "How many tons of free grain did he promise?", true)]
    [InlineData("Granvik shares a 1,222km border with Lakeland.", "How many km long is Granvik's border with Lakeland?", true)]
    [InlineData("Granvik shares a border with two neighbours.", "How many km long is Granvik's border?", false)]
    public void How_many_of_a_measure_is_answered_by_a_number_with_its_unit(string sentence, string question, bool holds) =>
        Assert.Equal(holds, AnswerCandidates.Holds(QuestionType.Quantity, sentence, question));

    [Theory]
    [InlineData("Russian forces advanced 9.5 kilometers, at an average pace of about 23 meters per day.", "How many metres a day did they advance?", true)]
    [InlineData("Russian forces advanced 9.5 kilometres, at an average pace of about 23 metres per day.", "How many meters a day did they advance?", true)]
    [InlineData("Russian forces advanced at an average pace of about 23 meters per day.", "How many villages did they take?", false)]
    public void A_unit_the_question_counts_is_its_own_in_either_spelling(string sentence, string question, bool holds) =>
        Assert.Equal(holds, AnswerCandidates.Holds(QuestionType.Quantity, sentence, question));

    [Theory]
    [InlineData("Drones struck the hospital, starting a fire and injuring at least six people.", "How many people were killed when drones hit the hospital?", false)]
    [InlineData("Drones struck the hospital, starting a fire and injuring at least six people.", "How many people were injured when drones hit the hospital?", true)]
    [InlineData("The strike on the bus killed 12 miners and injured 30.", "How many people were killed on the bus?", true)]
    [InlineData("The strike on the bus killed 12 and injured 30.", "How many were wounded on the bus?", true)]
    [InlineData("The strike on the bus left 12 dead.", "How many were wounded on the bus?", false)]
    [InlineData("Four drones struck a bus carrying miners near Ternivka, killing at least 12 people and injuring at least 16.", "How many people died when drones hit a bus taking miners to work?", true)]
    [InlineData("As of March, volunteers identified 263 dead Granvikers.", "How many Granvikers had the army mobilised by March?", false)]
    [InlineData("As of March, volunteers identified 263 dead Granvikers.", "How many Granviker casualties had volunteers counted by March?", true)]
    [InlineData("Budanov confirmed that 157 Ukrainian prisoners of war had been returned.", "How many Ukrainian civilians came home in the exchange?", false)]
    [InlineData("Budanov confirmed that 157 Ukrainian prisoners had been returned.", "How many Ukrainian civilians came home in the exchange?", true)]
    [InlineData("Budanov confirmed that 157 Ukrainian soldiers and 7 civilians had been returned.", "How many Ukrainian civilians came home in the exchange?", true)]
    public void A_number_told_of_the_contrary_kind_counts_something_else(string sentence, string question, bool holds) =>
        Assert.Equal(holds, AnswerCandidates.Holds(QuestionType.Quantity, sentence, question));

    [Theory]
    [InlineData("Granvik has fought since 2014 to seize the two regions.", 2026, true)]
    [InlineData("Senators visiting Lunde last week agreed with him.", 2026, true)]
    [InlineData("The Senate will vote on the bill in March.", 2026, false)]
    [InlineData("The vote is set for 2027, the leader said.", 2026, false)]
    [InlineData("The vote was held off until Monday.", 2026, false)]
    [InlineData("The bill would impose sanctions on buyers of oil.", 2026, false)]
    public void A_time_still_ahead_is_not_told_by_a_year_or_a_week_behind_the_report(string sentence, int year, bool past) =>
        Assert.Equal(past, AnswerCandidates.GivesOnlyPast(sentence, year));

    [Theory]
    [InlineData("When is the Senate going to vote on the bill?", true)]
    [InlineData("When will the next round be held?", true)]
    [InlineData("When is the summit due to open?", true)]
    [InlineData("When did the Senate vote on the bill?", false)]
    [InlineData("When was the meeting planned to take place?", false)]
    public void When_will_asks_a_time_still_ahead(string question, bool future) =>
        Assert.Equal(future, AnswerCandidates.AsksFuture(question));

    [Theory]
    [InlineData("What did the minister say he still believed, as the second Lunde round wrapped up on 5 Feb 2026?", "the second Lunde round wrapped up on 5 Feb 2026")]
    [InlineData("Who did the president call, while the Lunde round was going on?", "the Lunde round was going on")]
    [InlineData("Which two villages did the army claim on 4 Feb 2026, the day the Lunde round opened?", "the Lunde round opened")]
    [InlineData("What did he say it would take to restore peace, right when Granvik put out its plan?", "Granvik put out its plan")]
    [InlineData("When did the Lunde round open?", null)]
    [InlineData("What did he say when the Lunde round opened?", null)]
    [InlineData("How much ground had the army retaken, according to the Lunde Post's piece on the envoy's visit?", "the Lunde Post's piece on the envoy's visit")]
    [InlineData("How fast was the army moving - per the Granvik Institute's brief on the grinding war?", "the Granvik Institute's brief on the grinding war")]
    [InlineData("How much ground had the army retaken, according to the envoy?", null)]
    [InlineData("Analysts said the army wants Tollen. How many kilometres is it from Marsk to Tollen?", "Analysts said the army wants Tollen.")]
    [InlineData("How far is it? The army wants Tollen.", null)]
    public void A_clause_after_a_comma_sets_the_questions_scene(string question, string? clause) =>
        Assert.Equal(clause is null ? [] : new[] { clause }, PassageRetriever.SceneClauses(question));

    [Theory]
    [InlineData("Which think tank put out Holm's paper on nuclear risk?", "thinktank")]
    [InlineData("Which think-tank put out Holm's paper on nuclear risk?", "thinktank")]
    [InlineData("Which outfit was said to be using Starlink terminals to extend its drones' range?", "outfit")]
    [InlineData("Which institute published the Granvik study?", "institute")]
    [InlineData("Which oil refinery in the Granvik region did the drones hit?", "refinery")]
    public void A_think_tank_is_a_kind_named_not_said(string question, string kind)
    {
        // No word a passage must hold ("a paper released by the Granvik Strategic Policy Institute"), but the name beside it answers.
        Assert.Null(PassageRetriever.AskedKind(question, TextAnalyzer.Default));
        Assert.Equal(kind, PassageRetriever.NamedKind(question, TextAnalyzer.Default));
    }

    [Theory]
    [InlineData("What was the official turnout in the Granvik referendum?", "turnout")]
    [InlineData("How big was Granvik's federal budget deficit for the whole of 2025?", "deficit")]
    [InlineData("How big is Granvik's defence budget for 2026?", "budget")]
    [InlineData("How many people voted in the Granvik referendum?", null)]
    public void The_measure_asked_for_is_the_last_one_named(string question, string? measure) =>
        Assert.Equal(measure, AnswerCandidates.MeasureNamed(question));

    [Theory]
    [InlineData("The central bank held its key rate at 16% in February.", "What is the central bank's key interest rate now?", true)]
    [InlineData("The central bank cut its interest rate to 16%.", "What is the central bank's key interest rate now?", true)]
    [InlineData("The army recruits at a rate of 30,000 a month.", "What is the income tax rate in Granvik?", false)]
    [InlineData("The army recruits 30,000 a month, the current rate.", "What is the income tax rate in Granvik?", false)]
    [InlineData("Prices rose at a rate of 9% a year.", "What was the rate in June?", true)]
    public void A_rate_asked_for_by_its_kind_is_told_as_that_rate(string sentence, string question, bool tells) =>
        Assert.Equal(tells, AnswerCandidates.TellsRateAsked(sentence, question));

    [Theory]
    [InlineData("He likened the country's defence to the lead up to the Second World War.", false)]
    [InlineData("He warned the alliance was sliding back to the Cold War.", false)]
    [InlineData("He gave the speech at the Royal Granvik Institute.", true)]
    public void A_war_is_a_time_not_the_place_asked_for(string sentence, bool holds) =>
        Assert.Equal(holds, AnswerCandidates.Holds(QuestionType.Place, sentence, "Where did the army chief give his speech?"));

    [Theory]
    [InlineData("Granvik is where the envoy was detained in March.", "Where was the envoy detained?", true)]
    [InlineData("The Port of Granvik is where the envoy was detained.", "Where was the envoy detained?", true)]
    [InlineData("Granvik is where the envoy was detained in March.", "Where in Granvik was the envoy detained?", false)]
    [InlineData("That is where the envoy was detained.", "Where was the envoy detained?", false)]
    [InlineData("The envoy said Granvik is where talks should be held.", "Where was the envoy detained?", false)]
    public void A_place_opening_a_sentence_that_says_what_happened_there_answers_where(string sentence, string question, bool holds) =>
        Assert.Equal(holds, AnswerCandidates.Holds(QuestionType.Place, sentence, question));

    [Theory]
    [InlineData("The governor spoke at a meeting with the inhabitants of Sochaczew.", "In which town did the governor speak?", true)]
    [InlineData("The map suggests that the army aims to seize the Odesa and Kharkiv oblasts.", "The army wants to seize which two oblasts?", true)]
    [InlineData("The governor spoke at a meeting with the town's inhabitants.", "In which town did the governor speak?", false)]
    [InlineData("The governor of Granvik spoke at a meeting with the inhabitants.", "In which town did the governor of Granvik speak?", false)]
    public void A_place_asked_by_its_kind_may_follow_of_or_stand_before_the_kind(string sentence, string question, bool holds) =>
        Assert.Equal(holds, AnswerCandidates.Holds(QuestionType.Place, sentence, question));

    [Theory]
    [InlineData("Where were the January talks held?", false)]
    [InlineData("Where did the delegations come from?", true)]
    public void A_place_after_from_tells_where_from_not_where(string question, bool holds) =>
        Assert.Equal(holds, AnswerCandidates.Holds(QuestionType.Place, "High-level delegations from the US sat face to face to hold talks.", question));

    [Fact]
    public void A_candidate_is_new_unless_the_question_holds_it_as_a_word()
    {
        // "Al" is in "trilateral", but not as a word of it: "Al Shati" is a place the question doesn't name.
        const string sentence = "Hosted at the Al Shati Palace in Abu Dhabi, talks were mediated by the Emirates.";
        Assert.Contains(sentence.IndexOf("Al Shati", StringComparison.Ordinal), AnswerCandidates.Positions(QuestionType.Place, sentence, "Where in Abu Dhabi were the trilateral talks held?"));
        // "Russia" starts a word of the question ("Russian"): no new place.
        Assert.Empty(AnswerCandidates.Positions(QuestionType.Place, "He wrote from his prison cell in Russia.", "Where were the Russian prisoners released to?"));
        // "5" is no number of a question that says "50 million": it is a new one.
        Assert.True(AnswerCandidates.Holds(QuestionType.Quantity, "It bought 5 howitzers.", "How many guns did the first 50 million buy?"));
        // A number in words is no answer when the question says it: "every four months" is what is asked about.
        Assert.False(AnswerCandidates.Holds(QuestionType.Quantity, "Instructors prepare soldiers every four months.", "How many soldiers are prepared every four months?"));
        Assert.True(AnswerCandidates.Holds(QuestionType.Quantity, "Instructors prepare five thousand soldiers every four months.", "How many soldiers are prepared every four months?"));
    }

    [Theory]
    [InlineData("The minister announced an additional five million euro in humanitarian funding.", true)]
    [InlineData("The package is worth half a billion dollars.", true)]
    [InlineData("The minister announced additional humanitarian funding for five regions.", false)]
    [InlineData("The minister announced Br5 million of humanitarian money for the memorial.", true)]
    [InlineData("The minister announced PLN 20 million in humanitarian aid.", true)]
    public void Money_written_out_in_words_is_an_amount(string sentence, bool holds) =>
        Assert.Equal(holds, AnswerCandidates.Holds(QuestionType.Quantity, sentence, "How much humanitarian money did the minister announce?"));

    [Theory]
    [InlineData("Ukraine is in the process of receiving German Leopard 2 battle tanks.", false)]
    [InlineData("The air force is waiting for its F-16 jets and more tanks.", false)]
    [InlineData("Germany agreed to send 14 Leopard tanks by March.", true)]
    [InlineData("About 30 tanks had arrived by then.", true)]
    public void A_number_that_is_part_of_a_name_counts_nothing(string sentence, bool holds) =>
        Assert.Equal(holds, AnswerCandidates.Holds(QuestionType.Quantity, sentence, "How many tanks had reached Ukraine by then?"));

    [Fact]
    public void A_place_may_be_called_by_its_kind_and_a_country_asked_for_may_be_the_subject()
    {
        const string capri = "The ministers met on the Italian resort island of Capri.";
        Assert.Contains(capri.IndexOf("Capri", StringComparison.Ordinal), AnswerCandidates.Positions(QuestionType.Place, capri, "Where did the ministers meet?"));
        Assert.True(AnswerCandidates.Holds(QuestionType.Place, "Blasts hit the Russian Military Base of Novofedorivka on Tuesday.", "Where was the base that was hit?"));
        // Only "which country" asks for the subject: a where-question wants the place something happened in.
        const string poll = "The peace camp was strongest in the south, while Poland had the biggest justice camp.";
        Assert.True(AnswerCandidates.Holds(QuestionType.Place, poll, "Which country had the largest justice camp?"));
        Assert.False(AnswerCandidates.Holds(QuestionType.Place, "Poland had the biggest justice camp.", "Where was the justice camp biggest?"));
    }

    [Theory]
    [InlineData("The military will have an annual budget of ¥6.82 trillion from April.")]
    [InlineData("Tokyo pledged 5.5 trillion yen in aid.")]
    [InlineData("Beijing lent 2 billion yuan to the port.")]
    [InlineData("Warsaw set aside 10 billion zlotys for the border.")]
    public void Yen_yuan_and_zlotys_are_money(string sentence) =>
        Assert.True(AnswerCandidates.Holds(QuestionType.Quantity, sentence, "How much is the budget?"));

    [Theory]
    [InlineData("How far did he say the troops of the alliance would get?", "While the alliance is still sending troops, we will reach the English Channel.", true)]
    [InlineData("how far could the army advance before winter", "The army advanced as far as Kherson before the rains.", true)]
    [InlineData("How far did the army advance toward Kyiv?", "The army reached Kyiv in March.", false)]
    [InlineData("How far is the front from Odesa?", "The troops reached Kherson in the autumn.", false)]
    public void How_far_something_went_is_answered_by_where_it_got_to(string question, string sentence, bool holds)
    {
        // Kyiv is the question's own place, and "how far is" asks a distance, not where anything went.
        Assert.Equal(holds, AnswerCandidates.Holds(QuestionType.Quantity, sentence, question));
        var content = TextAnalyzer.Default.Terms(question).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(holds, AnswerCandidates.NextToFocus(QuestionType.Quantity, sentence, question, content, TextAnalyzer.Default));
    }

    [Theory]
    [InlineData("Where did Holm post the statement?", "Holm wrote in a post on Telegram: “Peace is important!”", "Telegram")]
    [InlineData("Where was the video published?", "The video appeared on his official Facebook page on Monday.", "Facebook")]
    [InlineData("where did he tweet it", "He said so in a Twitter post late at night.", "Twitter")]
    [InlineData("Where did Holm say it?", "Holm said so on Telegram.", null)]
    [InlineData("Where did Holm post the statement?", "Holm wrote the statement on Monday.", null)]
    public void Where_something_was_published_is_answered_by_the_platform(string question, string sentence, string? platform)
    {
        // "Where did he say it?" asks where he stood, which a platform doesn't tell.
        var at = AnswerCandidates.Positions(QuestionType.Place, sentence, question).ToList();
        if (platform is null) Assert.Empty(at);
        else Assert.Contains(sentence.IndexOf(platform, StringComparison.Ordinal), at);
    }

    [Fact]
    public void The_named_speaker_of_a_long_quotation_holding_the_questions_words_answers_who()
    {
        const string question = "Which former alliance chief said the Poles might assemble a coalition of the willing?";
        var content = Analyzer.AnalyzeQuestion(question).Terms.ToHashSet();
        const string said = "“I think the Poles would seriously consider going in and assemble a coalition of the willing if nothing is offered at the summit,” Halvorsen said.";
        Assert.True(AnswerCandidates.NextToFocus(QuestionType.Person, said, question, content, Analyzer));
        // A speaker the question names is not the answer.
        Assert.False(AnswerCandidates.NextToFocus(QuestionType.Person, said, question.Replace("former alliance chief", "Halvorsen"),
            Analyzer.AnalyzeQuestion(question.Replace("former alliance chief", "Halvorsen")).Terms.ToHashSet(), Analyzer));
    }

    [Theory]
    [InlineData("The vote was held on March 16, and two days later the annexation was announced.", false)]
    [InlineData("March 16 marks exactly nine years since the vote.", false)]
    [InlineData("Two days later, 300 voters had signed the petition.", true)]
    [InlineData("Some 1,200 voters signed within three weeks.", true)]
    public void A_length_of_time_counts_nothing_a_how_many_question_asks(string sentence, bool holds) =>
        Assert.Equal(holds, AnswerCandidates.Holds(QuestionType.Quantity, sentence, "How many voters signed the petition?"));

    [Theory]
    [InlineData("Of course there are cynics everywhere, but 90% of voters are AGAINST it, he said.", true)]
    [InlineData("The crisis cost about 12 billion hryvnias in tax revenues in January.", false)]
    public void What_percent_asks_for_a_share(string sentence, bool holds) =>
        Assert.Equal(holds, AnswerCandidates.Holds(QuestionType.Quantity, sentence, "what % of voters did he claim were against it"));

    [Theory]
    [InlineData("Not only that, the 67-year-old was a member of the parliament.", true)]
    [InlineData("The businessman, 67 years old, was a member of the parliament.", true)]
    [InlineData("He had been a member of the parliament for 12 years.", false)]
    public void An_age_answers_how_old_and_is_no_length_of_time(string sentence, bool holds) =>
        Assert.Equal(holds, AnswerCandidates.Holds(QuestionType.Quantity, sentence, "How old was the businessman when he was detained?"));

    [Theory]
    [InlineData("The country shares a 1,222km (759 mile) border with its neighbour.", false)]
    [InlineData("The drones flew 40 kilometres into the country's airspace.", false)]
    [InlineData("Three drones flew over the country's airspace.", true)]
    [InlineData("No one expected that so many drones would cross the border.", false)]
    [InlineData("The country relied 100% on its neighbour for drones.", false)]
    [InlineData("Pilots were told to avoid the border from 14 to 19 February.", false)]
    [InlineData("Pilots were told to avoid the border on February 14-19.", false)]
    public void A_measure_counts_nothing_a_how_many_question_asks(string sentence, bool holds) =>
        Assert.Equal(holds, AnswerCandidates.Holds(QuestionType.Quantity, sentence, "How many drones crossed the border?"));

    [Theory]
    [InlineData("How many km long is the border?", true)]
    [InlineData("How far did the drones fly into the country?", true)]
    public void A_measure_answers_a_question_that_asks_for_it(string question, bool holds) =>
        Assert.Equal(holds, AnswerCandidates.Holds(QuestionType.Quantity, "The country shares a 1,222km border; drones flew 40 kilometres in.", question));

    [Theory]
    [InlineData("The two were supposed to meet in Jerusalem earlier this month, but the trip was called off in April.", false)]
    [InlineData("The two were supposed to meet in Jerusalem on June 14, but the trip was called off.", true)]
    [InlineData("The two were supposed to meet in Jerusalem on 14th of June.", true)]
    [InlineData("The two were supposed to meet in Jerusalem on Tuesday.", false)]
    public void On_what_date_asks_for_the_day_not_the_month(string sentence, bool holds) =>
        Assert.Equal(holds, AnswerCandidates.Holds(QuestionType.Time, sentence, "On what date were the two supposed to meet in Jerusalem?"));

    [Theory]
    [InlineData("Which day were the two supposed to meet in Jerusalem?", true)]
    [InlineData("What day of the week were the two supposed to meet?", true)]
    [InlineData("What date were the two supposed to meet in Jerusalem?", false)]
    public void A_weekday_answers_which_day_not_what_date(string question, bool holds) =>
        Assert.Equal(holds, AnswerCandidates.Holds(QuestionType.Time, "The two were supposed to meet in Jerusalem on Tuesday.", question));

    [Theory]
    [InlineData("The envoy also held talks in Granvik in December 2025.", false)]
    [InlineData("The team returned to Granvik for a meeting with the envoy (RBC, January 31).", false)]
    [InlineData("The envoy returned to Granvik the next week.", false)]
    [InlineData("The envoy held talks in Granvik on December 19.", true)]
    [InlineData("The envoy held talks in Granvik on 19.12.2025.", true)]
    public void What_exact_date_in_a_month_is_answered_by_a_day_of_that_month(string sentence, bool holds) =>
        Assert.Equal(holds, AnswerCandidates.Holds(QuestionType.Time, sentence, "what exact date in december 2025 did the envoy have his talks in Granvik?"));

    [Theory]
    [InlineData("The envoy returned to Granvik on Tuesday.", true)]
    [InlineData("The envoy returned to Granvik the next week.", false)]
    [InlineData("The envoy had been in Granvik last week.", false)]
    public void A_week_is_no_day(string sentence, bool holds) =>
        Assert.Equal(holds, AnswerCandidates.Holds(QuestionType.Time, sentence, "Which day did the envoy return to Granvik?"));

    [Theory]
    [InlineData("What time did the session in Granvik start on Tuesday 17 February?", QuestionType.Time)]
    [InlineData("At what hour did the envoys land?", QuestionType.Time)]
    [InlineData("What time frame did the envoy give for a ceasefire?", QuestionType.Other)]
    [InlineData("The institute said Granvik can keep paying for the war for how much longer?", QuestionType.Duration)]
    [InlineData("How much longer can Granvik pay for the war?", QuestionType.Duration)]
    [InlineData("he told his people to plan for more war - how many more years?", QuestionType.Duration)]
    public void What_time_and_how_much_longer_ask_a_time(string question, QuestionType type) => Assert.Equal(type, AnswerCandidates.TypeOf(question));

    [Theory]
    [InlineData("The session in Granvik started at 10am local time.", true)]
    [InlineData("The session in Granvik started at 10:30.", true)]
    [InlineData("The session in Granvik started at 4.50 a.m. on Tuesday.", true)]
    [InlineData("The session in Granvik started on Tuesday, February 17.", false)]
    [InlineData("The session in Granvik started in February 2026.", false)]
    public void What_time_is_answered_by_a_time_of_day(string sentence, bool holds) =>
        Assert.Equal(holds, AnswerCandidates.Holds(QuestionType.Time, sentence, "What time did the session in Granvik start on Tuesday?"));

    [Theory]
    [InlineData("In the spring poll, what share of Germans were in the peace camp?", "Germans", "Germany")]
    [InlineData("how many Poles liked the idea in that poll?", "Poles", "Poland")]
    [InlineData("How many French troops were on the eastern flank?", null, null)]
    [InlineData("What share of respondents backed the plan?", null, null)]
    public void A_how_many_question_may_count_the_people_of_a_nation(string question, string? people, string? country) =>
        Assert.Equal(people is null ? null : new[] { people, country! }, AnswerCandidates.NationCounted(question));

    [Theory]
    [InlineData("The agency carried out only 17 launches in 2025, compared to 193 by Granvik.", false)]
    [InlineData("The agency carried out 17 launches in 2024.", true)]
    [InlineData("The agency carried out 21 launches in 2024 and 17 in 2025.", true)]
    [InlineData("The agency carried out 2,514 launches, roughly 70% more than in 2023.", true)]
    [InlineData("The agency carried out 17 launches, its chief said.", true)]
    public void A_figure_set_in_another_year_counts_that_year(string sentence, bool holds) =>
        Assert.Equal(holds, AnswerCandidates.Holds(QuestionType.Quantity, sentence, "How many launches did the agency carry out in 2024?"));

    [Theory]
    [InlineData("Granvik is close to a deal for a new $8.1 billion lending programme.", false)]
    [InlineData("The first tranche of the new programme will be $900 million.", true)]
    public void The_questions_own_figure_is_no_answer_however_its_scale_is_written(string sentence, bool holds) =>
        Assert.Equal(holds, AnswerCandidates.Holds(QuestionType.Quantity, sentence, "How big is the first tranche Granvik gets from the new $8.1bn programme?"));

    [Theory]
    [InlineData("The army would need to traverse 30 kilometers from Marsk to Tollen.", "how many km would they have to cover from marsk?", true)]
    [InlineData("The army would need to traverse 30 km from Marsk to Tollen.", "How many kilometres is it from Marsk to Tollen?", true)]
    [InlineData("The army would need to traverse 30 kilometers from Marsk to Tollen.", "How many miles is it from Marsk to Tollen?", false)]
    public void A_unit_asked_for_is_read_in_any_of_its_spellings(string sentence, string question, bool holds) =>
        Assert.Equal(holds, AnswerCandidates.Holds(QuestionType.Quantity, sentence, question));

    [Theory]
    [InlineData("The army has been losing an estimated 100–150 troops per square kilometer of ground gained.", "Roughly how many troops are massed for the push on Tollen?", false)]
    [InlineData("The army lost 2 troops for every 1,000 metres gained.", "How many troops are massed for the push on Tollen?", false)]
    [InlineData("The army has been losing an estimated 100–150 troops per square kilometer of ground gained.", "How many troops per square kilometre is the army losing?", true)]
    [InlineData("About 40,000 troops are massed for the push on Tollen, per the report.", "Roughly how many troops are massed for the push on Tollen?", true)]
    [InlineData("The army advanced at an average rate of 70 meters per day around Tollen.", "How fast is the army gaining ground around Tollen?", true)]
    public void A_rate_is_no_count(string sentence, string question, bool holds) =>
        Assert.Equal(holds, AnswerCandidates.Holds(QuestionType.Quantity, sentence, question));

    [Theory]
    [InlineData("The ministry and other sources claimed on February 1 that the army seized Zelenko.", false)]
    [InlineData("Bloggers first claimed the seizure of Zelenko on May 10, 2024.", true)]
    public void A_when_question_naming_a_day_is_answered_by_another(string sentence, bool holds) =>
        Assert.Equal(holds, AnswerCandidates.Holds(QuestionType.Time, sentence,
            "The ministry claimed Zelenko near Lakeport again on 1 Feb 2026. When did bloggers first claim they'd taken it?"));

    [Theory]
    [InlineData("The ministry claimed Zelenko again on 1 Feb 2026. When did bloggers first claim they'd taken it?", QuestionType.Time)]
    [InlineData("The envoy said Granvik wants a deal. Where will the next round be held?", QuestionType.Place)]
    [InlineData("A reporter compared the trains in March - how late did the Lakeport express get in on 14 March?", QuestionType.Duration)]
    public void The_question_is_typed_by_its_asking_sentence(string question, QuestionType type) =>
        Assert.Equal(type, AnswerCandidates.TypeOf(question));

    [Theory]
    [InlineData("When exactly did the training mission leave Granvik in February 2022?", true)]
    [InlineData("When exactly did the training mission leave Granvik?", false)]
    public void When_exactly_in_a_month_asks_the_day(string question, bool day) =>
        Assert.Equal(day, AnswerCandidates.AsksDay(question));

    [Theory]
    [InlineData("The ministers met for a one-and-a-half-hour meeting chaired by their host.", true)]
    [InlineData("The ministers talked for an hour and a half.", true)]
    [InlineData("The ministers met for half an hour.", true)]
    [InlineData("The ministers met on the sidelines of the forum.", false)]
    public void How_long_is_answered_by_an_hour_and_a_half(string sentence, bool holds) =>
        Assert.Equal(holds, AnswerCandidates.Holds(QuestionType.Duration, sentence, "How long did the ministers' meeting in Lakeport on 10 March last?"));

    [Fact]
    public void A_day_the_question_dates_by_is_not_its_own_figure() =>
        Assert.True(AnswerCandidates.Holds(QuestionType.Quantity, "More than 15 drafts were prepared between March 29 and April 15.",
            "Between the 29 March round and 15 April, how many drafts of the treaty were drawn up?"));

    [Theory]
    [InlineData("When there is such attitude, it is hard to talk about anything.", true)]
    [InlineData("Because of this, the talks stalled.", true)]
    [InlineData("The talks stalled on Friday.", false)]
    public void A_cause_may_be_the_sentence_before(string sentence, bool holds) =>
        Assert.Equal(holds, AnswerCandidates.Holds(QuestionType.Reason, sentence, "Why did the talks become hard?"));

    [Fact]
    public void A_month_set_in_another_sentence_of_the_question_does_not_bound_the_day() =>
        Assert.True(AnswerCandidates.Holds(QuestionType.Time, "Chamberlain became prime minister on May 28, 1937.",
            "The general spoke of Britain's '1937 moment' in June 2022. On what date did Chamberlain become prime minister?"));

    [Fact]
    public void When_is_answered_by_the_month_too() =>
        Assert.True(AnswerCandidates.Holds(QuestionType.Time, "The trip was called off in April.", "When was the trip called off?"));

    [Fact]
    public void A_how_many_question_counting_the_unit_is_answered_by_it() =>
        Assert.True(AnswerCandidates.Holds(QuestionType.Quantity, "The strike went on for nine days.", "How many days did the strike go on?"));

    [Theory]
    [InlineData("Which countries had also applied to join the union?", "application")]
    [InlineData("What did Western intel estimate?", "intelligence")]
    [InlineData("Who posted the clip of the festival?", "recording")]
    [InlineData("What did he compare the media to?", "likened")]
    [InlineData("Which Belgrade academic called it spin?", "professor")]
    [InlineData("Which sanctions bill is still awaiting passage?", "act")]
    public void A_word_a_reader_types_is_read_with_the_word_a_report_writes(string question, string reported)
    {
        var q = Analyzer.AnalyzeQuestion(question);
        Assert.Contains(q.Paraphrases, p => p.Alternatives.Contains(Analyzer.Term(reported)!) || p.Term == Analyzer.Term(reported));
    }

    [Fact]
    public void A_question_names_the_month_or_year_it_is_set_in()
    {
        var may = QuestionDates.Of("Around late May 2022, how many troops were killed each day?");
        Assert.Equal(1, may.Closeness(new DateOnly(2022, 5, 29), ""));
        Assert.Equal(1, may.Closeness(new DateOnly(2022, 6, 20), ""));
        Assert.Equal(0, may.Closeness(new DateOnly(2026, 1, 10), "Troops were killed in May 2022."));
        var year = QuestionDates.Of("Back in 2023, who led the delegation?");
        Assert.Equal(0.5, year.Closeness(new DateOnly(2023, 3, 1), ""));
        Assert.Equal(0.5, year.Closeness(new DateOnly(2025, 3, 1), "In 2023, the delegation was led by the deputy minister."));
        Assert.Equal(0, year.Closeness(new DateOnly(2025, 3, 1), "The delegation met again."));
        Assert.Equal(1, QuestionDates.Of("What did they agree on 12 Feb. 2022?").Closeness(new DateOnly(2022, 2, 13), ""));
        // A follow-up's context in parentheses is the previous question's time, not the follow-up's.
        Assert.True(QuestionDates.Of("and which city was that meeting in? (When did the two meet in July 2022?)").IsEmpty);
    }

    [Theory]
    [InlineData("What did the council decide when it met on 13 September 2022?", "2022-09-13")]
    [InlineData("What did they agree on 12 Feb. 2022?", "2022-02-12")]
    [InlineData("In his Tuesday Feb 15, 2022 speech, what did Biden say?", "2022-02-15")]
    [InlineData("How many were hurt in the attack on 8-9 February 2026?", "2026-02-09")]
    [InlineData("How many were hurt on the 3rd of March 2024 and on 1 March 2024?", "2024-03-01")]
    [InlineData("When will the council meet after 13 September 2022?", null)]
    [InlineData("The drills that began on 10 Feb 2022 were supposed to end when?", null)]
    [InlineData("What did the council decide in September 2022?", null)]
    [InlineData("and what did he say? (What happened on 13 September 2022?)", null)]
    public void A_question_names_the_day_it_asks_about_unless_it_asks_ahead(string question, string? day) =>
        Assert.Equal(day is null ? null : DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), QuestionDates.Of(question).FirstDay);

    [Theory]
    [InlineData("How many countries voted against the resolution in February 2023?", "2023-02-01")]
    [InlineData("How many soldiers were taken prisoner in the mid-February 2026 counterattacks?", "2026-02-10")]
    [InlineData("Who replaced him at the end of March 2023?", "2023-03-20")]
    [InlineData("What did the council decide when it met on 13 September 2022?", "2022-09-13")]
    [InlineData("What did they agree in May 2022, and what on 3 June 2022?", "2022-05-01")]
    [InlineData("What did the envoy say before the February 2026 talks?", null)]
    [InlineData("How has Moscow's position changed since January 2026?", null)]
    [InlineData("When will the talks planned for March 2026 be held?", null)]
    [InlineData("Back in 2023, who led the delegation?", null)]
    [InlineData("Who announced the Victory Day parade in Granvik in May 2024?", "2024-05-01")]
    [InlineData("Who announced there would be no Victory Day parade in Granvik in May 2024?", null)]
    public void A_question_names_when_what_it_asks_about_can_first_have_happened(string question, string? day) =>
        Assert.Equal(day is null ? null : DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), QuestionDates.Of(question).HappenedFrom);

    [Fact]
    public void Why_is_answered_by_a_sentence_that_gives_a_cause()
    {
        const string q = "Why was the Victory Day parade in Crimea called off?";
        Assert.True(AnswerCandidates.Holds(QuestionType.Reason, "There will be no parade on May 9 due to security issues, the governor said.", q));
        Assert.True(AnswerCandidates.Holds(QuestionType.Reason, "The parade was cancelled because of drone attacks.", q));
        Assert.False(AnswerCandidates.Holds(QuestionType.Reason, "The parade is normally held on May 9 in Sevastopol.", q));
        // A fear that moves someone is a cause too.
        Assert.True(AnswerCandidates.Holds(QuestionType.Reason, "The governor is afraid of creating a target for drones.", q));
        // …and a cleft that names what brought it about.
        Assert.True(AnswerCandidates.Holds(QuestionType.Reason, "It was these drone attacks that made the governor call it off.", q));
        Assert.False(AnswerCandidates.Holds(QuestionType.Reason, "It was the governor who called it off on Monday.", q));
    }

    [Theory]
    [InlineData("The US imposed sanctions on the minister in July, accusing him of involvement in illegal arms shipments.", true)]
    [InlineData("The minister was sanctioned for his role in the election fraud.", true)]
    [InlineData("The minister, who faces US sanctions, was appointed vice-premier.", false)]
    public void Why_someone_was_sanctioned_is_told_by_what_they_are_accused_of(string sentence, bool holds) =>
        Assert.Equal(holds, AnswerCandidates.Holds(QuestionType.Reason, sentence, "Why did the US put sanctions on the minister?"));

    [Fact]
    public void A_sentence_holds_a_candidate_of_the_asked_type_only_when_it_adds_one()
    {
        const string q = "How many prisoners were exchanged after Abu Dhabi?";
        Assert.True(AnswerCandidates.Holds(QuestionType.Quantity, "The sides completed an exchange of 314 prisoners.", q));
        Assert.False(AnswerCandidates.Holds(QuestionType.Quantity, "Kyiv expected an exchange of prisoners after the talks in Abu Dhabi.", q));
        Assert.True(AnswerCandidates.Holds(QuestionType.Duration, "\"We want guarantees for 30 years,\" he said.", "How long should the guarantees last?"));
    }

    [Fact]
    public void Follow_ups_are_combined_with_the_previous_question_and_new_questions_are_not()
    {
        var rewriter = new FollowUpRewriter(Analyzer);
        Assert.Equal("What are Russia's preconditions?", rewriter.Rewrite("and what about Russia's?", "What are Zelensky's preconditions?"));
        var where = rewriter.Rewrite("where did it happen?", "When was the prisoner exchange?");
        Assert.StartsWith("where did it happen", where);
        Assert.Contains("prisoner exchange", where);
        const string fresh = "Who leads Russia's delegation in Abu Dhabi?";
        Assert.Equal(fresh, rewriter.Rewrite(fresh, "What are Zelensky's preconditions?"));
    }

    [Fact]
    public void A_possessive_follow_up_becomes_the_previous_question_with_its_name_swapped()
    {
        var rewriter = new FollowUpRewriter(Analyzer);
        Assert.Equal("Who leads Russia's delegation in Abu Dhabi?", rewriter.Rewrite("and who leads Russia's?", "Who leads Ukraine's delegation in Abu Dhabi?"));
    }

    [Fact]
    public void A_follow_up_about_another_country_keeps_the_setting_and_drops_the_country_it_turns_from()
    {
        var rewriter = new FollowUpRewriter(Analyzer);
        var rewritten = rewriter.Rewrite("and who led the Ukrainian side there?", "Who was Russia's chief negotiator at the Geneva talks?");
        Assert.StartsWith("who led the Ukrainian side there", rewritten);
        Assert.Contains("Geneva talks", rewritten);
        Assert.DoesNotContain("Russia", rewritten);
        // The setting stays even when it is a country: "in Turkey" is where, not whose.
        var turkey = rewriter.Rewrite("and who led the Ukrainian side?", "Who led Russia's delegation in Turkey?");
        Assert.Contains("Turkey", turkey);
        Assert.DoesNotContain("Russia", turkey);
    }

    [Fact]
    public void A_nameless_question_has_a_reading_in_context_and_a_question_with_a_name_has_none()
    {
        var rewriter = new FollowUpRewriter(Analyzer);
        var history = new[] { new ConversationTurn("Who was Russia's chief negotiator in Geneva?", "…", DateTimeOffset.UnixEpoch) };
        var inContext = rewriter.InContext("how long did the first day last?", history);
        Assert.NotNull(inContext);
        Assert.StartsWith("how long did the first day last", inContext);
        Assert.Contains("Geneva", inContext);
        Assert.Null(rewriter.InContext("How long did the first day in Istanbul last?", history));
        Assert.Null(rewriter.InContext("how long did the first day last?", []));
    }

    [Fact]
    public void Candidate_positions_point_at_the_answer_of_the_asked_type()
    {
        const string sentence = "Soldiers released last year waited in Turkey, and the rest were released into Belarus.";
        var places = AnswerCandidates.Positions(QuestionType.Place, sentence, "Where were the soldiers released to?").Select(i => sentence[i..].Split(' ')[0]).ToList();
        Assert.Equal(["Turkey,", "Belarus."], places);
        Assert.Empty(AnswerCandidates.Positions(QuestionType.Place, "They met in Geneva.", "Who met in Geneva?"));
    }

    [Fact]
    public void A_question_about_change_over_time_is_a_timeline_with_its_anchors()
    {
        var span = TimelineQuestion.Parse("How did the talks move on from Abu Dhabi to Geneva?");
        Assert.NotNull(span);
        Assert.Equal(["Abu Dhabi", "Geneva"], span.Anchors);
        // The cue ("move on") says what to do with the ends, not what they are about: each end is searched without it.
        Assert.Equal(["How did the talks from Abu Dhabi to ?", "How did the talks from to Geneva?"], span.PerAnchor().ToList());
        Assert.Equal(["2022", "2026"], TimelineQuestion.Parse("How did the 2022 peace talks compare with the 2026 negotiations?")!.Anchors);
        var since = TimelineQuestion.Parse("How has Moscow's position on the Donbas changed since January?");
        Assert.NotNull(since);
        Assert.Empty(since.Anchors);
        Assert.Null(TimelineQuestion.Parse("Who leads Russia's delegation in Abu Dhabi?"));
    }

    [Theory]
    [InlineData("Of the Ukrainians freed in the swap, how many had been held since 2022?")]
    [InlineData("Since when has the 20th army been fighting in the Lyman direction?")]
    [InlineData("When was the website hit by the most powerful cyberattack since the invasion?")]
    [InlineData("How many civilians has the UN confirmed killed since February 2022, as of early 2026?")]
    [InlineData("Who is the envoy that said progress had been made in Geneva?")]
    public void A_question_asking_for_one_thing_is_no_timeline_whatever_its_words(string question)
    {
        // One number, date or person is asked for: answered as any such question, not as dated lines in date order.
        Assert.Null(TimelineQuestion.Parse(question));
    }

    [Fact]
    public void A_comparison_across_years_searches_each_year_without_its_cue_words()
    {
        var years = TimelineQuestion.Parse("How did the 2022 peace talks compare with the 2026 negotiations?")!;
        Assert.Equal(["How did the 2022 peace talks with the negotiations?", "How did the peace talks with the 2026 negotiations?"], years.PerAnchor().ToList());
        Assert.Equal("How did the 2022 peace talks with the 2026 negotiations?", years.Topic);
        Assert.Equal(2022, TimelineQuestion.YearOf("2022"));
        Assert.Null(TimelineQuestion.YearOf("Geneva"));
        Assert.Null(TimelineQuestion.YearOf("1234"));
    }

    [Theory]
    [InlineData("In 2022, there were at least five rounds of talks, including three in Belarus.", null, true)]
    [InlineData("The talks of spring 2022 collapsed in April.", null, true)]
    [InlineData("The war began with Russia's full-scale invasion in February 2022.", null, false)]
    [InlineData("Russia has occupied the region since 2022.", null, false)]
    [InlineData("The delegations met in Geneva.", null, false)]
    [InlineData("The delegations met in Geneva.", "2022-03-29", true)]
    [InlineData("Moscow has not changed its demands since the 2022 invasion. In 2022 the sides met in Istanbul.", null, true)]
    public void A_passage_is_about_a_year_when_published_then_or_telling_its_events(string text, string? published, bool about) =>
        Assert.Equal(about, TimelineQuestion.IsAbout(published is null ? null : DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture), text, 2022));

    [Theory]
    [InlineData("What is the name of the Chechen commander in Belarus whose messages were intercepted?", "commander")]
    [InlineData("What were the names of the mother and her daughter killed in the strike?", "mother")]
    [InlineData("What's the name of the Ukrainian unmanned systems commander who said it?", "commander")]
    [InlineData("Who leads the delegation?", null)]
    public void A_question_asking_a_name_asks_for_a_person_in_a_role(string question, string? role)
    {
        Assert.Equal(QuestionType.Person, AnswerCandidates.TypeOf(question));
        Assert.Equal(role, AnswerCandidates.NamedRole(question));
    }

    [Fact]
    public void A_question_about_money_is_answered_by_an_amount_not_by_any_number()
    {
        const string question = "How much did the factory spend on diesel generators?";
        Assert.True(AnswerCandidates.AsksMoney(question));
        Assert.False(AnswerCandidates.AsksMoney("How much territory does Russia hold?"));
        Assert.False(AnswerCandidates.Holds(QuestionType.Quantity, "For more than two months the factory ran on diesel generators.", question));
        Assert.True(AnswerCandidates.Holds(QuestionType.Quantity, "The factory spent €2.4 million on diesel generators.", question));
        Assert.True(AnswerCandidates.Holds(QuestionType.Quantity, "The generators cost 40 million hryvnias.", question));
        Assert.True(AnswerCandidates.Holds(QuestionType.Quantity, "It paid $300,000 for them.", question));
        // Any other "how much" question still takes any number.
        Assert.True(AnswerCandidates.Holds(QuestionType.Quantity, "Russia holds about 20% of Ukraine.", "How much territory does Russia hold?"));
    }

    [Theory]
    [InlineData("How much is Ostmark spending on the anti-tank mines it plans to buy for its border?", "mines")]
    [InlineData("How much money did Granvik put into the first joint drone factory that opened there?", "factory")]
    [InlineData("How much did Washington spend on the war last year, according to Berg?", "war")]
    [InlineData("How much did Granvik pay for the new frigates?", "frigates")]
    [InlineData("How much did Granvik spend in 2024?", null)]
    [InlineData("How many troops did Granvik send to the border?", null)]
    public void A_how_much_question_names_what_the_money_paid_for(string question, string? thing) =>
        Assert.Equal(thing, AnswerCandidates.PaidFor(question));

    [Fact]
    public void A_sum_of_money_counts_no_things_and_near_zero_is_an_amount()
    {
        const string missiles = "How many interceptor missiles came with the extra battery Granvik promised?";
        Assert.False(AnswerCandidates.Holds(QuestionType.Quantity, "Allies have provided aid exceeding $200bn since the start of the war.", missiles));
        Assert.False(AnswerCandidates.Holds(QuestionType.Quantity, "Allies pledged 38 billion euros in military aid this year.", missiles));
        Assert.True(AnswerCandidates.Holds(QuestionType.Quantity, "The battery came with 30 interceptor missiles.", missiles));
        // How many dollars is a sum of money.
        Assert.True(AnswerCandidates.Holds(QuestionType.Quantity, "The deal was worth $200bn.", "How many dollars was the deal worth?"));
        Assert.True(AnswerCandidates.Holds(QuestionType.Quantity, "Last year, Granvik's spending on the war was near zero.", "How much did Granvik spend on the war last year?"));
        Assert.False(AnswerCandidates.Holds(QuestionType.Quantity, "Granvik's spending on the war was discussed at length.", "How much did Granvik spend on the war last year?"));
    }

    [Theory]
    [InlineData("2023-03-01", "…since upgrading ties at the summit last September in Ostmark.", 2022, true)]
    [InlineData("2023-11-10", "…since upgrading ties at the summit last September in Ostmark.", 2023, true)]
    [InlineData("2023-11-10", "…since upgrading ties at the summit last September in Ostmark.", 2022, false)]
    [InlineData("2023-03-01", "The two met twice last year.", 2022, true)]
    [InlineData("2023-03-01", "The two met twice last year.", 2021, false)]
    [InlineData("2023-03-01", "The two met in September.", 2022, false)]
    public void Last_year_and_last_month_tell_of_a_year_counted_from_the_report(string published, string text, int year, bool tells) =>
        Assert.Equal(tells, TimelineQuestion.TellsOfYearBefore(DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture), text, year));

    [Theory]
    [InlineData("This occurred with the talks on May 16, 2025 (which lasted less than two hours).", true)]
    [InlineData("The round on 16 May lasted two hours.", true)]
    [InlineData("The round on the 16th of May lasted two hours.", true)]
    [InlineData("The round on May 16, 2024 lasted two hours.", false)]
    [InlineData("The round on May 6, 2025 lasted two hours.", false)]
    [InlineData("The round in May lasted two hours.", false)]
    public void A_sentence_names_the_day_in_any_order_and_with_no_year(string sentence, bool names) =>
        Assert.Equal(names, QuestionDates.NamesDay(sentence, new DateOnly(2025, 5, 16)));

    [Theory]
    [InlineData("In the Sweet and Toth Granvik Post piece from spring 2023, where could an advance get bottlenecked?", "Sweet,Toth,Granvik,Post")]
    [InlineData("Moran and Pompeo's July 2023 Fox op-ed says troops from a base in Kansas defend the border. Which base?", "Moran,Pompeo")]
    [InlineData("What did Timothy Snyder's essay say about the war?", "Timothy,Snyder")]
    [InlineData("Who wrote the Granvik Post piece on the border?", "")]
    [InlineData("What did Holm say about the border?", "")]
    public void The_writers_a_question_credits_a_piece_to(string question, string authors) =>
        Assert.Equal(authors.Split(',', StringSplitOptions.RemoveEmptyEntries).Order(), PassageRetriever.PieceAuthors(question).Order());

    [Theory]
    [InlineData("Russia is building a town in Kandalaksha (approximately 115 kilometers from the Finnish border) for a brigade.", true)]
    [InlineData("Russia is building a town in Kandalaksha (approximately 115 of them from the Finnish border) for a brigade.", false)]
    public void A_measure_is_near_what_it_measures_counting_its_unit_as_its_own(string sentence, bool near) =>
        Assert.Equal(near, AnswerCandidates.NextToFocus(QuestionType.Quantity, sentence, "How far from the Finnish border is the new town?",
            new HashSet<string> { Analyzer.Term("border")! }, Analyzer));

    [Theory]
    [InlineData("The US seized another tanker on Monday - what was the ship called?", "ship")]
    [InlineData("What was the operation called?", "operation")]
    [InlineData("What's the new drone outfit called?", null)]
    public void What_a_thing_was_called_asks_for_that_kind_by_name(string question, string? kind) =>
        Assert.Equal(kind, PassageRetriever.AskedKind(question, Analyzer));

    [Theory]
    [InlineData("For the first three quarters of 2025, the total reached 163 billion euros.", false)]
    [InlineData("In 2023 the army spent 90 billion euros, the agency found.", true)]
    [InlineData("The agency put spending at 90 billion euros, far above the official figure.", true)]
    public void A_sum_set_in_another_year_is_no_answer_for_the_year_asked(string sentence, bool holds) =>
        Assert.Equal(holds, AnswerCandidates.Holds(QuestionType.Quantity, sentence, "How much did Ostmark spend on its army in 2023, in euros?"));

    [Theory]
    [InlineData("Fifteen children have come home since the campaign began, including seven in December.", false)]
    [InlineData("In January, twelve children came home through the campaign.", true)]
    [InlineData("Twelve children came home through the campaign, more than in December.", true)]
    public void A_count_set_in_another_month_is_no_answer_for_the_month_asked(string sentence, bool holds) =>
        Assert.Equal(holds, AnswerCandidates.Holds(QuestionType.Quantity, sentence, "How many children came home in January 2026 through the campaign?"));

    [Theory]
    [InlineData("The ministry said Monday that air defences downed 40 drones late Sunday and early Monday.", false)]
    [InlineData("The ministry said on Thursday that its forces downed 95 drones overnight.", true)]
    [InlineData("The ministry said its forces downed 95 drones overnight.", true)]
    public void A_count_told_of_other_weekdays_than_the_day_asked_is_no_answer(string sentence, bool holds) =>
        Assert.Equal(holds, AnswerCandidates.Holds(QuestionType.Quantity, sentence, "How many drones did the ministry say it downed on 5 Feb 2026?"));

    [Theory]
    [InlineData("Updated 5:44 PM UTC, January 26, 2026")]
    [InlineData("Posted Wednesday, 4 Feb 2026 by Pavel Lund")]
    public void A_time_of_day_or_a_date_with_its_month_cut_short_counts_nothing(string sentence) =>
        Assert.False(AnswerCandidates.Holds(QuestionType.Quantity, sentence, "How many children came home through the campaign?"));

    [Theory]
    [InlineData("Russia launched 396 drones and 29 missiles at the grid, its second strike in six days.", false)]
    [InlineData("Ukraine said it shot down 301 of the drones.", true)]
    public void A_count_of_missiles_or_of_days_answers_no_question_counting_drones(string sentence, bool holds) =>
        Assert.Equal(holds, AnswerCandidates.Holds(QuestionType.Quantity, sentence,
            "How many of the 396 drones Russia launched on the day the talks opened did Ukraine say it shot down?"));

    [Fact]
    public void Over_how_many_days_is_answered_by_a_count_of_days() =>
        Assert.True(AnswerCandidates.Holds(QuestionType.Quantity, "The strikes went on for six days.", "Over how many days did the strikes go on?"));

    [Fact]
    public void How_much_higher_is_answered_by_a_share_as_well_as_by_a_sum() =>
        Assert.True(AnswerCandidates.Holds(QuestionType.Quantity, "In 2022 and 2023 military spending was around 66 percent higher than officially reported.",
            "How much higher than reported was military spending in 2022 and 2023?"));

    [Theory]
    [InlineData("> All three sides agreed the monitoring will be led by the Americans.", false)]
    [InlineData("The monitoring group was led by General Odo Berg.", true)]
    public void Someone_asked_for_by_rank_is_answered_by_a_name_not_by_a_people(string sentence, bool holds) =>
        Assert.Equal(holds, AnswerCandidates.Holds(QuestionType.Person, sentence, "Which US general led the monitoring group at the talks?"));

    [Theory]
    [InlineData("Where did Lund announce the long call?", "Lund posted on his Truth Social platform that he had held a long call.")]
    [InlineData("Where did the spokesman put out his reply to Vesk?", "His entry appeared on July 23 on Facebook.")]
    public void Where_something_was_announced_is_answered_by_where_it_was_posted(string question, string sentence) =>
        Assert.True(AnswerCandidates.Holds(QuestionType.Place, sentence, question));

    [Fact]
    public void A_word_written_from_two_indexed_words_is_corrected_to_its_last_not_to_a_look_alike()
    {
        var corrector = new SpellingCorrector(Analyzer);
        Assert.Equal(Analyzer.Term("makers"), corrector.Correct("carmakers", Vocabulary("car", "makers", "creak")));
        // A suffix makes a word of another kind, no compound: a chairmanship is no ship.
        Assert.Null(corrector.Correct("chairmanship", Vocabulary("chairman", "ship", "hardship")));
    }

    [Theory]
    [InlineData("In some weeks the outages can cut production volumes by up to 40%.", true)]
    [InlineData("The outages have gone on for more than ten weeks.", false)]
    public void By_how_much_asks_a_quantity_which_a_figure_hedged_by_the_change_answers(string sentence, bool answers)
    {
        const string question = "By how much can the outages cut production?";
        Assert.Equal(QuestionType.Quantity, AnswerCandidates.TypeOf(question));
        var content = Analyzer.Terms("outages cut production").ToHashSet(StringComparer.Ordinal);
        Assert.Equal(answers, AnswerCandidates.Holds(QuestionType.Quantity, sentence, question)
            && AnswerCandidates.NextToFocus(QuestionType.Quantity, sentence, question, content, Analyzer));
    }

    [Fact]
    public void A_part_of_a_sum_the_question_names_is_answered_by_a_share()
    {
        const string question = "Of the €60bn loan for the next two years, how much is meant for defence?";
        const string sentence = "Two-thirds are earmarked for defence, and the rest for the budget.";
        Assert.True(AnswerCandidates.Holds(QuestionType.Quantity, sentence, question));
        Assert.True(AnswerCandidates.NextToFocus(QuestionType.Quantity, sentence, question, Analyzer.Terms("meant defence").ToHashSet(StringComparer.Ordinal), Analyzer));
        // A sum asked for outright is not.
        Assert.False(AnswerCandidates.Holds(QuestionType.Quantity, sentence, "How much is the defence loan worth?"));
    }

    [Theory]
    [InlineData("Russian forces have seized about 75,000 square kilometres since the 2022 invasion.", false)]
    [InlineData("In March 2022 Russian forces seized about 115,000 square kilometres.", false)]
    [InlineData("In 2023 Russian forces seized about 500 square kilometres.", true)]
    public void A_figure_since_another_year_or_in_a_month_of_it_is_no_figure_for_the_year_asked(string sentence, bool holds) =>
        Assert.Equal(holds, AnswerCandidates.Holds(QuestionType.Quantity, sentence, "How much territory did Russia seize in 2023?"));

    [Theory]
    [InlineData("What was the name of the Russian-flagged oil tanker the US seized in the Atlantic?", QuestionType.Other)]
    [InlineData("whats the name of the minister's book?", QuestionType.Other)]
    [InlineData("What is the name of the unmanned systems commander who said the drones would arrive?", QuestionType.Person)]
    [InlineData("What's the name of the Saudi foreign minister who came to Kyiv?", QuestionType.Person)]
    public void The_name_of_a_thing_is_no_person(string question, QuestionType type) =>
        Assert.Equal(type, AnswerCandidates.TypeOf(question));
}
