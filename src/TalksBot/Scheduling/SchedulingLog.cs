using Microsoft.Extensions.Logging;

namespace TalksBot.Scheduling;

/// <summary>The refresh schedule's log events (ids 20–29).</summary>
internal static partial class SchedulingLog
{
    [LoggerMessage(EventId = 20, EventName = "ScheduledRefreshOff", Level = LogLevel.Information,
        Message = "Scheduled refresh is off (Index:RefreshInterval is 0).")]
    public static partial void LogScheduleOff(this ILogger logger);

    [LoggerMessage(EventId = 21, EventName = "ScheduledRefreshEvery", Level = LogLevel.Information,
        Message = "Refreshing the index every {Interval}.")]
    public static partial void LogScheduleEvery(this ILogger logger, TimeSpan interval);

    [LoggerMessage(EventId = 22, EventName = "ScheduledRefreshDone", Level = LogLevel.Information,
        Message = "Scheduled refresh: {Summary}")]
    public static partial void LogScheduledRefreshDone(this ILogger logger, string summary);

    [LoggerMessage(EventId = 23, EventName = "ScheduledRefreshSkipped", Level = LogLevel.Information,
        Message = "Scheduled refresh skipped: another refresh is running.")]
    public static partial void LogScheduledRefreshSkipped(this ILogger logger);

    [LoggerMessage(EventId = 24, EventName = "ScheduledRefreshFailed", Level = LogLevel.Error,
        Message = "Scheduled refresh failed: {Reason}. The previous index keeps serving; the next run tries again.")]
    public static partial void LogScheduledRefreshFailed(this ILogger logger, string reason);
}
