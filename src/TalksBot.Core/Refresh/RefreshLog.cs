using Microsoft.Extensions.Logging;
using TalksBot.Core.Sources;

namespace TalksBot.Core.Refresh;

/// <summary>The refresh's log events (ids 1201–1299), with source URLs masked.</summary>
internal static partial class RefreshLog
{
    /// <summary>One warning per unreadable source, its location said once (the reason often starts with it too).</summary>
    public static void LogSourceUnreadable(this ILogger logger, string location, string reason)
    {
        if (reason.StartsWith(location, StringComparison.Ordinal) && reason.Length > location.Length && reason[location.Length] == ':')
        {
            reason = reason[(location.Length + 1)..].TrimStart();
        }
        SourceUnreadable(logger, UrlSecrets.Hide(location), UrlSecrets.HideIn(reason));
    }

    [LoggerMessage(EventId = 1201, EventName = "SourceUnreadable", Level = LogLevel.Warning,
        Message = "Source {Source} could not be read: {Reason}; its indexed articles are kept")]
    private static partial void SourceUnreadable(ILogger logger, string source, string reason);

    [LoggerMessage(EventId = 1202, EventName = "EmbeddingFailed", Level = LogLevel.Warning,
        Message = "Embedding passages with {Model} failed: {Reason}; keyword search still works and the next refresh embeds what is missing")]
    public static partial void LogEmbeddingFailed(this ILogger logger, string model, string reason);
}
