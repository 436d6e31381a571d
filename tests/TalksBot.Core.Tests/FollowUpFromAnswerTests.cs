using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TalksBot.Core.Answering;
using TalksBot.Core.Articles;
using TalksBot.Core.Conversations;
using TalksBot.Core.Refresh;
using TalksBot.Core.Retrieval;
using TalksBot.Testing;

namespace TalksBot.Core.Tests;

/// <summary>
/// Follow-ups whose pronoun points at a person the previous answer named, not the previous question ("what happened
/// to him after that?" after "Who leads Russia's delegation…?"). Made-up people and events.
/// </summary>
public class FollowUpFromAnswerTests
{
    private readonly FollowUpRewriter _rewriter = new(TextAnalyzer.Default);

    private const string Question = "Who leads Russia's delegation at the talks in Abu Dhabi?";
    private const string Answered = "Russia's delegation at the talks in Abu Dhabi is led by Pavel Sorokin, a deputy head of military intelligence, the Kremlin said. [1]";

    [Fact]
    public void A_pronoun_the_previous_question_cant_resolve_stands_for_the_person_its_answer_named()
    {
        Assert.Equal("what happened to Pavel Sorokin after that?", _rewriter.Rewrite("and what happened to him after that?", Question, Answered));
        Assert.Equal("what was Pavel Sorokin's job before?", _rewriter.Rewrite("what was his job before?", Question, Answered));
        // Without the answer, the question before it is all there is to go on, as before.
        Assert.Contains("Russia's delegation", _rewriter.Rewrite("and what happened to him after that?", Question));
    }

    [Fact]
    public void She_is_not_a_prince_and_he_is_not_a_duchess()
    {
        const string previous = "Which member of the royal family was the first to visit Lakeland after the war began?";
        const string answer = "Sophie Varga, the wife of Prince Edmund Varga, travelled to Lakeland on Monday, the palace said. [1]";
        Assert.Equal("which town did Sophie Varga visit?", _rewriter.Rewrite("which town did she visit?", previous, answer));
        const string titledFirst = "The wife of Prince Edmund Varga, Sophie Varga, travelled to Lakeland on Monday. [1]";
        Assert.Equal("which town did Sophie Varga visit?", _rewriter.Rewrite("which town did she visit?", previous, titledFirst));
        Assert.Equal("which town did Edmund Varga visit?", _rewriter.Rewrite("which town did he visit?", previous, titledFirst));
    }

    [Fact]
    public void It_after_the_person_brings_the_previous_question_along()
    {
        // "where was he when he said it?": "he" is the answer's person, "it" what the previous question told of.
        const string previous = "Which minister warned that the negotiations could drag on for years?";
        const string answer = "Foreign Minister Jonas Adler warned on Monday that the talks could drag on for years. [1]";
        var rewritten = _rewriter.Rewrite("where was he when he said it?", previous, answer);
        Assert.StartsWith("where was Jonas Adler when he said it", rewritten);
        Assert.Contains("negotiations could drag on for years", rewritten);
        // Without an "it" the name stands alone, as before.
        Assert.Equal("where was Jonas Adler born?", _rewriter.Rewrite("where was he born?", previous, answer));
    }

    [Fact]
    public void A_follow_up_naming_only_a_place_still_leans_on_she_and_a_building_is_nobody()
    {
        // "Which member of …" asks who, as "who" does; "Kyiv" is a place, so "she" is still the answer's person; and
        // "Lakeside Palace", named first, is a building.
        const string previous = "Which member of the royal family was the first to visit Lakeland after the war began?";
        const string answer = "Lakeside Palace said Ilse Varga, the king's sister, travelled to Lakeland on Monday. [1]";
        Assert.Equal("which town near Kyiv did Ilse Varga visit to pay respects?", _rewriter.Rewrite("which town near Kyiv did she visit to pay respects?", previous, answer));
        // A follow-up naming a person of its own is no follow-up.
        Assert.Equal("which town did Pavel Sorokin say she visited?", _rewriter.Rewrite("which town did Pavel Sorokin say she visited?", previous, answer));
    }

    [Fact]
    public void A_question_that_asked_who_hands_its_answer_s_person_to_the_pronoun_whatever_else_it_names()
    {
        // "the Harbour Brigade" is a group, not the person asked for: the answer names him.
        var rewritten = _rewriter.Rewrite("what happened to him after that?", "Who led the Harbour Brigade revolt in June?", "The revolt was led by Pavel Sorokin, the brigade's founder. [1]");
        Assert.Equal("what happened to Pavel Sorokin after that?", rewritten);
    }

    [Fact]
    public void A_person_in_the_previous_question_keeps_the_pronoun_to_themselves()
    {
        var rewritten = _rewriter.Rewrite("what did he say after that?", "When did Ilse Varga arrive in Geneva?", "Ilse Varga arrived on Monday with Marko Tkach, an aide. [1]");

        Assert.Contains("Ilse Varga", rewritten);
        Assert.DoesNotContain("Marko Tkach", rewritten);
    }

    [Fact]
    public void Organisations_places_and_dates_in_the_answer_are_not_taken_for_the_person()
    {
        const string answer = "The lists were checked by the Red Cross in Abu Dhabi. On Tuesday Oksana Hrytsenko signed them for Kyiv. [1]";

        Assert.Equal(["Oksana Hrytsenko"], _rewriter.PersonsIn(answer));
        Assert.Equal("what did Oksana Hrytsenko do next?", _rewriter.Rewrite("what did she do next?", "When were the prisoner lists signed?", answer));
    }

    [Fact]
    public async Task Through_the_pipeline_the_follow_up_is_answered_about_the_person_in_the_previous_answer()
    {
        var index = new InMemoryArticleIndex();
        var source = new InMemorySource("mem://made-up")
            .Put("team", new ArticleDocument("Kremlin names its team", "Gulf Ledger", new DateOnly(2026, 1, 20), "https://gulf-ledger.example/team",
                "Russia's delegation at the talks in Abu Dhabi is led by Pavel Sorokin, a deputy head of military intelligence, the Kremlin said on Tuesday."))
            .Put("later", new ArticleDocument("Negotiator moves on", "Moscow Notes", new DateOnly(2026, 4, 2), "https://moscow-notes.example/later",
                "Pavel Sorokin was appointed ambassador to Ankara in March after the talks ended, the foreign ministry said."))
            .Put("other", new ArticleDocument("Grain ships wait", "Harbour Notes", new DateOnly(2026, 2, 2), "https://harbour-notes.example/grain",
                "Eleven grain ships waited outside the port of Odesa on Monday as insurers argued over the cost of cover."));
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 4, 10, 12, 0, 0, TimeSpan.Zero));
        await new IndexRefresher(index, new PassageSplitter(), time).RefreshAsync([source], null, default);
        var answerer = new QuestionAnswerer(new PassageRetriever(index, TextAnalyzer.Default, new RetrievalOptions()), new ExtractiveAnswerWriter(TextAnalyzer.Default));
        var pipeline = new ConversationPipeline(answerer, new ConversationMemory(6, TimeSpan.FromMinutes(30), time), new UserRateLimiter(10, time), Options.Create(new ChatOptions()));

        var first = await FinalAsync(pipeline.AskAsync(new ChatQuestion("chat", "user", Question), default));
        var followUp = await FinalAsync(pipeline.AskAsync(new ChatQuestion("chat", "user", "and what happened to him after that?"), default));

        Assert.Contains("Pavel Sorokin", first.Text);
        Assert.Equal("what happened to Pavel Sorokin after that?", followUp.StandaloneQuestion);
        Assert.True(followUp.Grounded);
        Assert.Contains("ambassador to Ankara", followUp.Text);
        Assert.Equal("Negotiator moves on", followUp.Citations[0].Title);
    }

    private static async Task<Answer> FinalAsync(IAsyncEnumerable<AnswerUpdate> updates)
    {
        Answer? final = null;
        await foreach (var update in updates) final = update.Final ?? final;
        return final ?? throw new InvalidOperationException("no final answer");
    }
}
