namespace TalksBot.Core.Chat;

/// <summary>What a chat user asked the bot to do, whatever the platform's wire format was.</summary>
public enum ChatCommandKind
{
    Ask,
    Sources,
    Help,
    Status,
    Refresh,
    SourceAdd,
    SourceRemove,
    /// <summary>"source" without a valid add|remove: answered with the usage.</summary>
    SourceUsage,
    /// <summary>A 👍/👎 button pressed under an answer.</summary>
    Feedback,
}
