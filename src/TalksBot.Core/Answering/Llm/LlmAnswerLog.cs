using Microsoft.Extensions.Logging;

namespace TalksBot.Core.Answering.Llm;

/// <summary>
/// The model answer's log events (ids 1301–1399). A failed attempt that is retried is Debug; the outcome of a failure
/// cycle, the fallback to quotes, is the one Warning, with the last reason.
/// </summary>
internal static partial class LlmAnswerLog
{
    [LoggerMessage(EventId = 1301, EventName = "ModelAttemptFailed", Level = LogLevel.Debug,
        Message = "Language model attempt {Attempt} failed: {Reason}")]
    public static partial void LogModelAttemptFailed(this ILogger logger, int attempt, string reason);

    [LoggerMessage(EventId = 1302, EventName = "ModelUnavailable", Level = LogLevel.Warning,
        Message = "The language model was unavailable after {Attempts} attempt(s): {Reason}; the answer quotes the articles instead")]
    public static partial void LogModelUnavailable(this ILogger logger, int attempts, string reason);

    [LoggerMessage(EventId = 1303, EventName = "UnsupportedCitationsRemoved", Level = LogLevel.Information,
        Message = "Removed {Count} citation marker(s) that pointed at no passage and {Claims} sentence(s) they alone supported")]
    public static partial void LogUnsupportedCitationsRemoved(this ILogger logger, int count, int claims);
}
