namespace TalksBot.Core.Diagnostics;

/// <summary>From the "Logging" section: whether the per-question event carries the question text (off: chat users' words stay out of logs).</summary>
public sealed class QuestionLogOptions
{
    public const string Section = "Logging";

    public bool IncludeQuestions { get; set; }
}
