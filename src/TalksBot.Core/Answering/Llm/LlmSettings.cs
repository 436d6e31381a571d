namespace TalksBot.Core.Answering.Llm;

/// <summary>What the answer writer needs to know of the model configuration.</summary>
/// <param name="Timeout">For one whole answer: every attempt, the wait before a retry and any searches included.</param>
/// <param name="MaxRetryAfter">The longest Retry-After worth waiting for before the one retry.</param>
public sealed record LlmSettings(string Model, TimeSpan Timeout, int MaxPassages, TimeSpan MaxRetryAfter);
