using Microsoft.Extensions.Logging;

namespace TalksBot.Index.Postgres;

/// <summary>The PostgreSQL index's log events (ids 6001–6099).</summary>
internal static partial class PostgresLog
{
    [LoggerMessage(EventId = 6001, EventName = "ChangeNotificationsLost", Level = LogLevel.Warning,
        Message = "Lost the index change notifications ({Reason}); reading the generation from the database until reconnected in {Delay}.")]
    public static partial void LogChangeNotificationsLost(this ILogger logger, string reason, TimeSpan delay);
}
