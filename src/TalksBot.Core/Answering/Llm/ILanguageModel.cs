using TalksBot.Core.Prompts;

namespace TalksBot.Core.Answering.Llm;

/// <summary>
/// The language model as the answer writer and the follow-up rewriter use it. The adapter owns the prompts (it fills
/// the prompt files with the values given) and the wire; the core owns timeouts, the one retry and the fallback.
/// Model failures are thrown as <see cref="LlmUnavailableException"/>; cancellation as OperationCanceledException.
/// </summary>
public interface ILanguageModel
{
    /// <summary>
    /// Streams the answer as it is written. A model that may search again adds what it found to
    /// <paramref name="passages"/>, so its citations of those are checked like the rest. A transport that retries a
    /// failed request takes the retry from <paramref name="retries"/>, which the answer writer shares.
    /// </summary>
    IAsyncEnumerable<string> StreamAnswerAsync(AnswerPromptValues values, CitablePassages passages, RetryAllowance retries, CancellationToken cancellationToken);

    /// <summary>The standalone question the rewrite prompt asks for (the model's whole reply).</summary>
    Task<string> RewriteAsync(RewritePromptValues values, CancellationToken cancellationToken);
}
