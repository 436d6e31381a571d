using Microsoft.Extensions.Logging;

namespace TalksBot.Telegram;

/// <summary>
/// The Telegram adapter's log events (ids 3001–3999). A request that is retried logs its failed attempts at Debug;
/// the caller that sees the final failure (the poll loop, the update handler) logs it once.
/// </summary>
internal static partial class TelegramLog
{
    [LoggerMessage(EventId = 3001, EventName = "BotUp", Level = LogLevel.Information,
        Message = "Telegram bot @{Username} is up")]
    public static partial void LogBotUp(this ILogger logger, string? username);

    [LoggerMessage(EventId = 3002, EventName = "TokenRejected", Level = LogLevel.Critical, Message = TelegramBot.TokenRejected)]
    public static partial void LogTokenRejected(this ILogger logger);

    [LoggerMessage(EventId = 3003, EventName = "PollingFailed", Level = LogLevel.Warning,
        Message = "Telegram polling failed: {Reason}; retrying in {Seconds:0.0} s")]
    public static partial void LogPollingFailed(this ILogger logger, string reason, double seconds);

    [LoggerMessage(EventId = 3004, EventName = "WebhookRegistered", Level = LogLevel.Information,
        Message = "Telegram webhook registered at {Url}")]
    public static partial void LogWebhookRegistered(this ILogger logger, string? url);

    [LoggerMessage(EventId = 3005, EventName = "WebhookRegistrationFailed", Level = LogLevel.Error,
        Message = "Registering the Telegram webhook failed: {Reason}")]
    public static partial void LogWebhookRegistrationFailed(this ILogger logger, string reason);

    [LoggerMessage(EventId = 3006, EventName = "ChatBlocked", Level = LogLevel.Warning,
        Message = "Telegram chat {Chat} blocked the bot or removed it; skipped")]
    public static partial void LogChatBlocked(this ILogger logger, long chat);

    [LoggerMessage(EventId = 3007, EventName = "UpdateHandlingFailed", Level = LogLevel.Error,
        Message = "Handling update {Update} in chat {Chat} failed")]
    public static partial void LogUpdateHandlingFailed(this ILogger logger, Exception exception, int update, long chat);

    [LoggerMessage(EventId = 3008, EventName = "InboxResumed", Level = LogLevel.Information,
        Message = "Telegram: answering {Count} update(s) received before the restart")]
    public static partial void LogInboxResumed(this ILogger logger, int count);

    [LoggerMessage(EventId = 3009, EventName = "Stopping", Level = LogLevel.Information,
        Message = "Telegram is stopping; {Count} update(s) in hand will finish first")]
    public static partial void LogStopping(this ILogger logger, int count);

    [LoggerMessage(EventId = 3010, EventName = "UpdateLeftForTokenRejected", Level = LogLevel.Error,
        Message = "Update {Update} was not answered: Telegram rejected the bot token; it stays in the inbox")]
    public static partial void LogUpdateLeftForTokenRejected(this ILogger logger, int update);

    [LoggerMessage(EventId = 3011, EventName = "UpdateNotHandled", Level = LogLevel.Error,
        Message = "Update {Update} could not be handled")]
    public static partial void LogUpdateNotHandled(this ILogger logger, Exception exception, int update);

    [LoggerMessage(EventId = 3012, EventName = "SlowDown", Level = LogLevel.Warning,
        Message = "Telegram asked to slow down on {Method}; waiting {Seconds} s")]
    public static partial void LogSlowDown(this ILogger logger, string method, double seconds);

    [LoggerMessage(EventId = 3013, EventName = "RequestRetried", Level = LogLevel.Debug,
        Message = "Telegram {Method} failed ({Reason}); retrying in {Delay} ms")]
    public static partial void LogRequestRetried(this ILogger logger, string method, string reason, double delay);

    [LoggerMessage(EventId = 3014, EventName = "LedgerUnreadable", Level = LogLevel.Warning,
        Message = "Telegram's record of answered updates ('{Key}' in the state store) is unreadable ({Reason}); starting afresh, so updates Telegram still holds may be answered again")]
    public static partial void LogLedgerUnreadable(this ILogger logger, string key, string reason);

    [LoggerMessage(EventId = 3015, EventName = "SharedSendLimitsBack", Level = LogLevel.Information,
        Message = "Telegram's send limits are counted in the shared store again")]
    public static partial void LogSharedSendLimitsBack(this ILogger logger);

    [LoggerMessage(EventId = 3016, EventName = "SharedSendLimitsFailing", Level = LogLevel.Warning,
        Message = "Telegram's send limits can't be counted in the shared store ({Reason}); this instance paces its own sends until it can")]
    public static partial void LogSharedSendLimitsFailing(this ILogger logger, string reason);
}
