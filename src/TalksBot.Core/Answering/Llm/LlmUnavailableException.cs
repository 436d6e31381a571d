namespace TalksBot.Core.Answering.Llm;

/// <summary>
/// The language model could not answer (timeout, rate limit, server error, unreachable, malformed reply). Adapters
/// translate their SDK's errors into this, so the core can decide on a retry without knowing the SDK.
/// </summary>
public sealed class LlmUnavailableException(string reason, TimeSpan? retryAfter = null, Exception? inner = null) : Exception(reason, inner)
{
    /// <summary>Short reason for the notice and the log ("timeout", "rate limited", "server error 503").</summary>
    public string Reason { get; } = reason;

    /// <summary>How long the server asked us to wait (429 Retry-After), when it said.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
