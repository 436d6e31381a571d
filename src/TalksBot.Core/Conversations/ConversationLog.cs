using Microsoft.Extensions.Logging;

namespace TalksBot.Core.Conversations;

/// <summary>The conversation pipeline's log events (ids 1003–1099; 1001 and 1002 are the per-question events).</summary>
internal static partial class ConversationLog
{
    [LoggerMessage(EventId = 1003, EventName = "QuestionFailed", Level = LogLevel.Error,
        Message = "Answering a question in {Conversation} failed; the user was told to try again")]
    public static partial void LogQuestionFailed(this ILogger logger, Exception exception, string conversation);

    [LoggerMessage(EventId = 1004, EventName = "FollowUpRewriteFailed", Level = LogLevel.Warning,
        Message = "Rewriting a follow-up failed, combining it with the conversation without the model: {Reason}")]
    public static partial void LogFollowUpRewriteFailed(this ILogger logger, string reason);

    [LoggerMessage(EventId = 1005, EventName = "RateLimitStoreFailed", Level = LogLevel.Warning,
        Message = "The shared rate-limit store failed; this question is not counted: {Reason}")]
    public static partial void LogRateLimitStoreFailed(this ILogger logger, string reason);

    [LoggerMessage(EventId = 1006, EventName = "HistoryUnreadable", Level = LogLevel.Warning,
        Message = "The shared conversation store failed; answering {Conversation} without its history: {Reason}")]
    public static partial void LogHistoryUnreadable(this ILogger logger, string conversation, string reason);

    [LoggerMessage(EventId = 1007, EventName = "TurnNotRemembered", Level = LogLevel.Warning,
        Message = "The shared conversation store failed; {Conversation} will not remember this turn: {Reason}")]
    public static partial void LogTurnNotRemembered(this ILogger logger, string conversation, string reason);
}
