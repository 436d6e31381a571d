namespace TalksBot.Core.Prompts;

/// <summary>
/// The contract between the bot and the prompt files: which files there are and which placeholders each may use
/// (and must use). The model adapter checks the files against it at start, because a template engine renders a
/// misspelled placeholder as empty text without a word. Documented in prompts/README.md.
/// </summary>
public static class PromptPlaceholders
{
    public const string SystemFile = "system.md";
    public const string AnswerFile = "answer.md";
    public const string RewriteFile = "rewrite.md";

    public const string Today = "today";
    public const string Question = "question";
    public const string Passages = "passages";
    public const string Conversation = "conversation";
    public const string LanguageHint = "language_hint";

    public static readonly string[] SystemAllowed = [Today];
    public static readonly string[] AnswerAllowed = [Question, Passages, Conversation, LanguageHint, Today];
    public static readonly string[] AnswerRequired = [Question, Passages];
    public static readonly string[] RewriteAllowed = [Question, Conversation];
    public static readonly string[] RewriteRequired = [Question, Conversation];
}
