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

    private async Task<PassageRetriever> IndexAsync(params (string Title, string Body)[] articles)
    {
        var source = new InMemorySource("mem://grounding");
        int i = 0;
        foreach (var (title, body) in articles) source.Put($"a{i++}", Articles.Make(title, body));
        // Filler so that term weights behave as in a real index (rare words weigh more than common ones).
        for (int f = 0; f < 12; f++)
        {
            source.Put($"filler{f}", Articles.Make($"Front report {f}", $"Shelling continued near the front in Ukraine on day {f}. Officials in Kyiv and Russia traded accusations about the war. Analysts expect more fighting in the east."));
        }
        await _db.Refresher.RefreshAsync([source], null, default);
        return new PassageRetriever(_db.Index, TextAnalyzer.Default, new RetrievalOptions());
    }

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
    public async Task A_timeline_question_finds_each_end_of_the_story_and_answers_oldest_first()
    {
        var source = new InMemorySource("mem://timeline")
            .Put("geneva", Articles.Make("Geneva round", "The third round of talks opened in Geneva with a focus on a ceasefire line.", published: new DateOnly(2026, 2, 17)))
            .Put("abu", Articles.Make("Abu Dhabi round", "The first round of talks in Abu Dhabi ended with an agreement on a prisoner exchange.", published: new DateOnly(2026, 1, 24)));
        for (int f = 0; f < 12; f++) source.Put($"filler{f}", Articles.Make($"Front report {f}", $"Shelling continued near the front on day {f}. Analysts expect more fighting in the east."));
        await _db.Refresher.RefreshAsync([source], null, default);
        var retriever = new PassageRetriever(_db.Index, TextAnalyzer.Default, new RetrievalOptions());

        var result = await retriever.RetrieveAsync("How did the talks move on from Abu Dhabi to Geneva?", default);
        Assert.True(result.Covered, result.Grounding?.Reason);
        Assert.NotNull(result.Timeline);
        var lines = new ExtractiveAnswerWriter(TextAnalyzer.Default).Write(result).Text.Split('\n');
        Assert.True(lines.Length >= 2, string.Join(" | ", lines));
        Assert.Contains("Abu Dhabi", lines[0]);
        Assert.Contains(lines.Skip(1), l => l.Contains("Geneva"));
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
}
