using Microsoft.Extensions.Logging;

namespace TalksBot.Index.Sqlite;

/// <summary>The SQLite adapter's log events (ids 7001–7099).</summary>
internal static partial class SqliteLog
{
    [LoggerMessage(EventId = 7001, EventName = "StateFileMovedAside", Level = LogLevel.Error,
        Message = "The state file {Path} is damaged or not a database ({Reason}); moved aside to {Aside} and started afresh. Telegram may answer again updates it still holds, and 👍/👎 records in the old file are no longer counted.")]
    public static partial void LogStateFileMovedAside(this ILogger logger, string path, string reason, string aside);
}
