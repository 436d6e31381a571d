using TalksBot.Core.Answering.Llm;
using TalksBot.Core.Conversations;

namespace TalksBot.Core.Tests;

/// <summary>Follow-ups and other languages become a standalone English question; a standalone English one costs no call.</summary>
public class LlmQuestionRewriterTests
{
    private static readonly LlmSettings Settings = new("m", TimeSpan.FromSeconds(30), 5, TimeSpan.FromSeconds(5));

    private static IReadOnlyList<ConversationTurn> History() => [new ConversationTurn("What are Zelensky's preconditions?", "A full withdrawal [1].", DateTimeOffset.UnixEpoch)];

    [Fact]
    public async Task A_standalone_english_question_is_not_sent_to_the_model()
    {
        var model = new FakeLanguageModel(_ => throw new InvalidOperationException("must not be called"));
        var rewritten = await new LlmQuestionRewriter(model, Settings).RewriteAsync("What did Lavrov offer?", [], default);
        Assert.Equal("What did Lavrov offer?", rewritten);
        Assert.Equal(0, model.CallCount);
    }

    [Fact]
    public async Task A_follow_up_becomes_the_models_first_line()
    {
        var model = new FakeLanguageModel(_ => Task.FromResult("What are Russia's preconditions for peace talks?\nBecause the user asked about Russia."));

        var rewritten = await new LlmQuestionRewriter(model, Settings).RewriteAsync("and Russia's?", History(), default);

        Assert.Equal("What are Russia's preconditions for peace talks?", rewritten);
        var values = Assert.Single(model.Rewrites);
        Assert.Contains("<user>What are Zelensky's preconditions?</user>", values.Conversation);
        Assert.Equal("and Russia's?", values.Question);
        Assert.Empty(model.Answers);
    }

    [Fact]
    public async Task A_question_in_another_script_is_rewritten_even_alone_and_unquoted()
    {
        var model = new FakeLanguageModel(_ => Task.FromResult("«What are Zelensky's preconditions?»"));
        var rewritten = await new LlmQuestionRewriter(model, Settings).RewriteAsync("Какие условия у Зеленского?", [], default);
        Assert.Equal("What are Zelensky's preconditions?", rewritten);
        Assert.Equal(1, model.CallCount);
    }

    [Theory]
    [InlineData("ok")]
    [InlineData("")]
    public async Task A_reply_that_is_not_one_question_keeps_the_users_question(string reply)
    {
        var model = new FakeLanguageModel(_ => Task.FromResult(reply));
        var rewritten = await new LlmQuestionRewriter(model, Settings).RewriteAsync("and Russia's?", History(), default);
        Assert.Equal("and Russia's?", rewritten);
    }

    [Fact]
    public async Task A_failed_model_reaches_the_caller_as_a_model_failure()
    {
        // The conversation pipeline catches this and rewrites the follow-up without the model.
        var model = new FakeLanguageModel(_ => throw new LlmUnavailableException("server error 503"));
        var ex = await Assert.ThrowsAsync<LlmUnavailableException>(() => new LlmQuestionRewriter(model, Settings).RewriteAsync("and Russia's?", History(), default));
        Assert.Equal("server error 503", ex.Reason);
        Assert.Equal(1, model.CallCount);
    }
}
