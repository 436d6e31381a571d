using Microsoft.Extensions.Logging;

namespace TalksBot.Core.Chat;

/// <summary>The chat front end's and moderation's log events (ids 1101–1199).</summary>
internal static partial class ChatLog
{
    [LoggerMessage(EventId = 1101, EventName = "ChatCommandFailed", Level = LogLevel.Error,
        Message = "Chat command {Command} in {Conversation} failed")]
    public static partial void LogChatCommandFailed(this ILogger logger, Exception exception, ChatCommandKind command, string conversation);

    [LoggerMessage(EventId = 1102, EventName = "FeedbackUnreadable", Level = LogLevel.Warning,
        Message = "Reading feedback for /status failed: {Reason}")]
    public static partial void LogFeedbackUnreadable(this ILogger logger, string reason);

    [LoggerMessage(EventId = 1103, EventName = "FeedbackNotStored", Level = LogLevel.Warning,
        Message = "Storing an answer for feedback failed; it goes out without vote buttons: {Reason}")]
    public static partial void LogFeedbackNotStored(this ILogger logger, string reason);

    [LoggerMessage(EventId = 1104, EventName = "ChatWorkFailed", Level = LogLevel.Error,
        Message = "{Platform} {Work} failed")]
    public static partial void LogChatWorkFailed(this ILogger logger, Exception exception, string platform, string work);

    [LoggerMessage(EventId = 1105, EventName = "ChatStopping", Level = LogLevel.Information,
        Message = "{Platform} is stopping; {Count} answer(s) in hand will finish first")]
    public static partial void LogChatStopping(this ILogger logger, string platform, int count);

    [LoggerMessage(EventId = 1106, EventName = "AnsweredMessageStoreFailed", Level = LogLevel.Warning,
        Message = "The store of answered messages failed to {Operation}; a reply to an answer it holds is read against the conversation's last question: {Reason}")]
    public static partial void LogAnsweredMessageStoreFailed(this ILogger logger, string operation, string reason);

    [LoggerMessage(EventId = 1110, EventName = "ChatRefreshFailed", Level = LogLevel.Error,
        Message = "A refresh asked from chat failed; the previous index keeps serving")]
    public static partial void LogChatRefreshFailed(this ILogger logger, Exception exception);
}
