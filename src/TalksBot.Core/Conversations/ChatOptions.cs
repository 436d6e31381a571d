using System.ComponentModel.DataAnnotations;

namespace TalksBot.Core.Conversations;

/// <summary>Rules every chat platform shares (configuration section "Chat").</summary>
public sealed class ChatOptions
{
    public const string Section = "Chat";

    /// <summary>Questions one user may ask per minute.</summary>
    [Range(1, 10_000)]
    public int QuestionsPerMinute { get; set; } = 5;

    /// <summary>Longer questions are refused with a message.</summary>
    [Range(10, 10_000)]
    public int MaxQuestionLength { get; set; } = 1000;

    /// <summary>Turns a conversation remembers for follow-ups.</summary>
    [Range(0, 50)]
    public int MemoryTurns { get; set; } = 6;

    /// <summary>Minutes after which a conversation's turns are forgotten.</summary>
    [Range(1, 24 * 60)]
    public int MemoryMinutes { get; set; } = 30;
}
