using Microsoft.Extensions.Logging;
using TalksBot.Discord.Gateway;

namespace TalksBot.Discord;

/// <summary>
/// The Discord adapter's log events (ids 4001–4999). A REST call that is retried logs its failed attempts at Debug;
/// the caller that sees the final failure logs it once.
/// </summary>
internal static partial class DiscordLog
{
    [LoggerMessage(EventId = 4001, EventName = "CommandsRegistered", Level = LogLevel.Information,
        Message = "Discord commands registered; interactions arrive at {Path}")]
    public static partial void LogCommandsRegistered(this ILogger logger, string? path);

    [LoggerMessage(EventId = 4002, EventName = "CommandsRegistrationFailed", Level = LogLevel.Error,
        Message = "Registering Discord commands failed: {Reason}")]
    public static partial void LogCommandsRegistrationFailed(this ILogger logger, string reason);

    [LoggerMessage(EventId = 4003, EventName = "TokenRejected", Level = LogLevel.Critical,
        Message = "Discord rejected the bot token (401). Check Discord:BotToken; the Discord side is stopped, everything else keeps running.")]
    public static partial void LogTokenRejected(this ILogger logger);

    [LoggerMessage(EventId = 4004, EventName = "InteractionFailed", Level = LogLevel.Error,
        Message = "Discord interaction {Interaction} failed")]
    public static partial void LogInteractionFailed(this ILogger logger, Exception exception, string interaction);

    [LoggerMessage(EventId = 4005, EventName = "ChannelNotWritable", Level = LogLevel.Warning,
        Message = "Discord channel {Channel} can't be written to ({Status}); skipped")]
    public static partial void LogChannelNotWritable(this ILogger logger, string channel, int status);

    [LoggerMessage(EventId = 4006, EventName = "MessageAnswerFailed", Level = LogLevel.Error,
        Message = "Answering a Discord message in {Channel} failed")]
    public static partial void LogMessageAnswerFailed(this ILogger logger, Exception exception, string channel);

    [LoggerMessage(EventId = 4007, EventName = "RequestRetried", Level = LogLevel.Debug,
        Message = "Discord {Route} failed ({Reason}); retrying in {Delay} ms")]
    public static partial void LogRequestRetried(this ILogger logger, string route, string reason, double delay);

    [LoggerMessage(EventId = 4008, EventName = "RateLimited", Level = LogLevel.Warning,
        Message = "Discord rate limited {Route}; waiting {Seconds:0.00} s")]
    public static partial void LogRateLimited(this ILogger logger, string route, double seconds);

    [LoggerMessage(EventId = 4101, EventName = "GatewayConnectionFailed", Level = LogLevel.Warning,
        Message = "Discord gateway connection failed: {Reason}")]
    public static partial void LogGatewayConnectionFailed(this ILogger logger, string reason);

    [LoggerMessage(EventId = 4102, EventName = "GatewayRefused", Level = LogLevel.Critical,
        Message = "Discord refused the connection for good (bad token, shard or intents). Check Discord:BotToken, Discord:ShardId/ShardCount and the MESSAGE_CONTENT intent in the Developer Portal; the Discord side is stopped, everything else keeps running.")]
    public static partial void LogGatewayRefused(this ILogger logger);

    [LoggerMessage(EventId = 4103, EventName = "HeartbeatsUnacknowledged", Level = LogLevel.Warning,
        Message = "Discord gateway stopped acknowledging heartbeats; reconnecting to resume")]
    public static partial void LogHeartbeatsUnacknowledged(this ILogger logger);

    [LoggerMessage(EventId = 4104, EventName = "GatewayEventFailed", Level = LogLevel.Error,
        Message = "Handling the Discord {Event} event failed")]
    public static partial void LogGatewayEventFailed(this ILogger logger, Exception exception, string? @event);

    [LoggerMessage(EventId = 4105, EventName = "PayloadWithoutData", Level = LogLevel.Warning,
        Message = "Discord sent {What} without the expected data; skipped")]
    public static partial void LogPayloadWithoutData(this ILogger logger, string what);

    [LoggerMessage(EventId = 4106, EventName = "PayloadUnreadable", Level = LogLevel.Warning,
        Message = "Discord sent {What} that can't be read ({Reason}); skipped")]
    public static partial void LogPayloadUnreadable(this ILogger logger, string what, string reason);

    [LoggerMessage(EventId = 4107, EventName = "PayloadIgnored",
        Message = "Discord sent {What}, which TalksBot doesn't use; ignored (logged once)")]
    public static partial void LogPayloadIgnored(this ILogger logger, LogLevel level, string what);

    [LoggerMessage(EventId = 4108, EventName = "GatewayClosed", Level = LogLevel.Error,
        Message = "Discord closed the gateway with {Code} ({Name}): {Reason}")]
    public static partial void LogGatewayClosed(this ILogger logger, int code, GatewayCloseCode name, string? reason);

    [LoggerMessage(EventId = 4109, EventName = "FrameUnreadable", Level = LogLevel.Warning,
        Message = "Discord sent a gateway frame that isn't a payload ({Reason}); skipped")]
    public static partial void LogFrameUnreadable(this ILogger logger, string reason);

    [LoggerMessage(EventId = 4009, EventName = "InteractionTakenElsewhere", Level = LogLevel.Information,
        Message = "Discord interaction {Interaction} was taken by another instance; acknowledged only")]
    public static partial void LogInteractionTakenElsewhere(this ILogger logger, string interaction);

    [LoggerMessage(EventId = 4010, EventName = "InteractionClaimFailed", Level = LogLevel.Warning,
        Message = "Claiming Discord interaction {Interaction} in the shared store failed ({Reason}); answering it here")]
    public static partial void LogInteractionClaimFailed(this ILogger logger, string interaction, string reason);

    [LoggerMessage(EventId = 4011, EventName = "InteractionClaimNotCompleted", Level = LogLevel.Warning,
        Message = "Discord interaction {Interaction} was answered, but marking its claim done in the shared store failed ({Reason}); another instance may take a retry of it after the claim's lease")]
    public static partial void LogInteractionClaimNotCompleted(this ILogger logger, string interaction, string reason);
}
