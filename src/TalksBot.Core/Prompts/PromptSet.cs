namespace TalksBot.Core.Prompts;

/// <summary>
/// The three prompts the language model sees, as data: the system prompt, the answer template and the follow-up
/// rewrite template. Placeholders are documented in prompts/README.md.
/// </summary>
public sealed class PromptSet
{
    public const string SystemFile = "system.md";
    public const string AnswerFile = "answer.md";
    public const string RewriteFile = "rewrite.md";

    public static readonly string[] SystemPlaceholders = ["today"];
    public static readonly string[] AnswerPlaceholders = ["question", "passages", "conversation", "language_hint", "today"];
    public static readonly string[] AnswerRequired = ["question", "passages"];
    public static readonly string[] RewritePlaceholders = ["question", "conversation"];
    public static readonly string[] RewriteRequired = ["question", "conversation"];

    public PromptSet(PromptTemplate system, PromptTemplate answer, PromptTemplate rewrite)
    {
        System = system;
        Answer = answer;
        Rewrite = rewrite;
    }

    public PromptTemplate System { get; }
    public PromptTemplate Answer { get; }
    public PromptTemplate Rewrite { get; }

    /// <summary>Builds the set from the three texts (typically read from files), validating each.</summary>
    public static PromptSet FromTexts(string system, string answer, string rewrite, string location = "prompts") => new(
        PromptTemplate.Parse(Path.Combine(location, SystemFile), system, SystemPlaceholders, []),
        PromptTemplate.Parse(Path.Combine(location, AnswerFile), answer, AnswerPlaceholders, AnswerRequired),
        PromptTemplate.Parse(Path.Combine(location, RewriteFile), rewrite, RewritePlaceholders, RewriteRequired));
}
