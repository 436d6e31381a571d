namespace TalksBot.Core.Prompts;

/// <summary>What the follow-up rewrite prompt is filled with (fenced, like <see cref="AnswerPromptValues"/>).</summary>
public sealed record RewritePromptValues(string Question, string Conversation)
{
    public IReadOnlyDictionary<string, string> ByPlaceholder() => new Dictionary<string, string>
    {
        [PromptPlaceholders.Question] = Question,
        [PromptPlaceholders.Conversation] = Conversation,
    };
}
