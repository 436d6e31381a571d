namespace TalksBot.Core.Prompts;

/// <summary>
/// What the system and answer prompts are filled with. Article and chat text is already fenced
/// (<see cref="Answering.Llm.PassageFence"/>); the adapter's template engine must still encode it as data.
/// </summary>
public sealed record AnswerPromptValues(string Today, string Question, string Passages, string Conversation, string LanguageHint)
{
    public IReadOnlyDictionary<string, string> ByPlaceholder() => new Dictionary<string, string>
    {
        [PromptPlaceholders.Today] = Today,
        [PromptPlaceholders.Question] = Question,
        [PromptPlaceholders.Passages] = Passages,
        [PromptPlaceholders.Conversation] = Conversation,
        [PromptPlaceholders.LanguageHint] = LanguageHint,
    };
}
