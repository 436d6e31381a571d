using Microsoft.Extensions.AI;
using TalksBot.Core.Answering.Llm;
using TalksBot.Core.Conversations;
using TalksBot.Core.Prompts;

namespace TalksBot.Core.Tests;

/// <summary>Follow-ups and other languages become a standalone English question; a standalone English one costs no call.</summary>
public class LlmQuestionRewriterTests
{
    private static readonly PromptSet Prompts = PromptSet.FromTexts(
        "System {{today}}", "{{question}} {{passages}}", "Conversation:\n{{conversation}}\nRewrite: {{question}}");

    private static readonly LlmSettings Settings = new("m", TimeSpan.FromSeconds(30), 5, TimeSpan.FromSeconds(5));

    private static IReadOnlyList<ConversationTurn> History() => [new ConversationTurn("What are Zelensky's preconditions?", "A full withdrawal [1].", DateTimeOffset.UnixEpoch)];

    [Fact]
    public async Task A_standalone_english_question_is_not_sent_to_the_model()
    {
        var chat = new FakeChatClient((_, _) => throw new InvalidOperationException("must not be called"));
        var rewritten = await new LlmQuestionRewriter(chat, Prompts, Settings).RewriteAsync("What did Lavrov offer?", [], default);
        Assert.Equal("What did Lavrov offer?", rewritten);
        Assert.Equal(0, chat.CallCount);
    }

    [Fact]
    public async Task A_follow_up_becomes_the_models_first_line()
    {
        var chat = new FakeChatClient((_, _) => Task.FromResult("What are Russia's preconditions for peace talks?\nBecause the user asked about Russia."));

        var rewritten = await new LlmQuestionRewriter(chat, Prompts, Settings).RewriteAsync("and Russia's?", History(), default);

        Assert.Equal("What are Russia's preconditions for peace talks?", rewritten);
        var prompt = Assert.Single(Assert.Single(chat.Calls)).Text;
        Assert.Contains("Zelensky's preconditions", prompt);
        Assert.Contains("and Russia's?", prompt);
    }

    [Fact]
    public async Task A_question_in_another_script_is_rewritten_even_alone_and_unquoted()
    {
        var chat = new FakeChatClient((_, _) => Task.FromResult("«What are Zelensky's preconditions?»"));
        var rewritten = await new LlmQuestionRewriter(chat, Prompts, Settings).RewriteAsync("Какие условия у Зеленского?", [], default);
        Assert.Equal("What are Zelensky's preconditions?", rewritten);
        Assert.Equal(1, chat.CallCount);
    }

    [Theory]
    [InlineData("ok")]
    [InlineData("")]
    public async Task A_reply_that_is_not_one_question_keeps_the_users_question(string reply)
    {
        var chat = new FakeChatClient((_, _) => Task.FromResult(reply));
        var rewritten = await new LlmQuestionRewriter(chat, Prompts, Settings).RewriteAsync("and Russia's?", History(), default);
        Assert.Equal("and Russia's?", rewritten);
    }
}
