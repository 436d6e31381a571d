using Microsoft.Extensions.Logging;

namespace TalksBot.Index.Postgres;

/// <summary>The PostgreSQL index's log events (ids 6001–6099).</summary>
internal static partial class PostgresLog
{
    [LoggerMessage(EventId = 6001, EventName = "ChangeNotificationsLost", Level = LogLevel.Warning,
        Message = "Lost the index change notifications ({Reason}); reading the generation from the database until reconnected in {Delay}.")]
    public static partial void LogChangeNotificationsLost(this ILogger logger, string reason, TimeSpan delay);

    [LoggerMessage(EventId = 6002, EventName = "ChangeListenerNotStopped", Level = LogLevel.Warning,
        Message = "The index change listener did not stop within {Bound}; its connection is left to close with the process.")]
    public static partial void LogChangeListenerNotStopped(this ILogger logger, TimeSpan bound);
}
