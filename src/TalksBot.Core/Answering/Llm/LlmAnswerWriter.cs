using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TalksBot.Core.Prompts;

namespace TalksBot.Core.Answering.Llm;

/// <summary>
/// Has the language model write the answer from numbered, fenced passages, streaming it as it is written, then
/// validates every [n]. When the model fails (timeout, 429, 5xx, unreachable, malformed or empty reply) it is retried
/// at most once in all (the transport's retry and this one share one <see cref="RetryAllowance"/>), then the answer
/// is extractive with a one-line notice. The timeout covers the whole answer, every attempt and wait included.
/// Never throws for a model failure.
/// </summary>
public sealed class LlmAnswerWriter(
    ILanguageModel model,
    LlmSettings settings,
    ExtractiveAnswerWriter extractive,
    TimeProvider time,
    ILogger<LlmAnswerWriter>? logger = null) : IAnswerWriter
{
    private readonly ILogger _logger = logger ?? NullLogger<LlmAnswerWriter>.Instance;

    public async IAsyncEnumerable<AnswerUpdate> WriteAsync(AnswerRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var shown = request.Retrieval.Passages.Take(settings.MaxPassages).ToList();
        if (!request.Retrieval.Covered || shown.Count == 0)
        {
            yield return AnswerUpdate.Finished(Answer.NotCovered(AnswerMode.Llm));
            yield break;
        }
        var values = PromptValues(request, shown);
        var retries = new RetryAllowance(1);
        using var deadline = new CancellationTokenSource(settings.Timeout, time);
        using var answerToken = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);

        string? reply = null;
        string failure = "";
        int attempts = 0;
        var passages = new CitablePassages(shown);
        for (int attempt = 1; reply is null; attempt++)
        {
            passages = new CitablePassages(shown);
            var text = new StringBuilder();
            var stream = model.StreamAnswerAsync(values, passages, retries, answerToken.Token).GetAsyncEnumerator(answerToken.Token);
            LlmUnavailableException? error = null;
            try
            {
                while (true)
                {
                    bool more;
                    try
                    {
                        more = await stream.MoveNextAsync();
                    }
                    catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                    {
                        error = Failure(ex);
                        break;
                    }
                    if (!more) break;
                    var delta = stream.Current;
                    if (string.IsNullOrEmpty(delta)) continue;
                    text.Append(delta);
                    yield return new AnswerUpdate(text.ToString(), null);
                }
            }
            finally
            {
                await stream.DisposeAsync();
            }

            if (error is null && text.ToString().Trim().Length == 0) error = new LlmUnavailableException("empty reply");
            if (error is null)
            {
                reply = text.ToString();
                break;
            }
            failure = error.Reason;
            attempts = attempt;
            _logger.LogModelAttemptFailed(attempt, error.Reason);
            if (deadline.IsCancellationRequested || !retries.TryTake()) break;
            // One quick retry; wait for Retry-After only when it is short (and within the answer's time).
            if (error.RetryAfter is { } wait)
            {
                if (wait > settings.MaxRetryAfter) break;
                try
                {
                    await Task.Delay(wait, time, answerToken.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    failure = TimedOut();
                    break;
                }
            }
        }

        if (reply is null)
        {
            _logger.LogModelUnavailable(attempts, failure);
            yield return AnswerUpdate.Finished(Fallback($"The language model was unavailable ({failure}), so this answer quotes the articles directly.", request));
            yield break;
        }

        var checkedReply = CitationValidator.Validate(reply, passages.Snapshot());
        if (checkedReply.NotCovered)
        {
            yield return AnswerUpdate.Finished(Answer.NotCovered(AnswerMode.Llm));
            yield break;
        }
        if (checkedReply.Citations.Count == 0)
        {
            // Facts with no source can't be checked: quote the articles instead.
            yield return AnswerUpdate.Finished(Fallback("The model's answer cited no source, so this answer quotes the articles directly.", request));
            yield break;
        }
        if (checkedReply.RemovedMarkers > 0)
        {
            _logger.LogUnsupportedCitationsRemoved(checkedReply.RemovedMarkers, checkedReply.DroppedClaims);
        }
        yield return AnswerUpdate.Finished(new Answer(checkedReply.Text, AnswerMode.Llm, true, checkedReply.Citations));
    }

    private LlmUnavailableException Failure(Exception ex) => ex switch
    {
        // The caller's own cancellation is rethrown by the filter above; any other cancellation is our deadline.
        OperationCanceledException => new LlmUnavailableException(TimedOut()),
        LlmUnavailableException unavailable => unavailable,
        _ => new LlmUnavailableException($"unexpected failure ({ex.GetType().Name})", null, ex),
    };

    private string TimedOut() => $"no complete answer within {settings.Timeout.TotalSeconds:0} s";

    private Answer Fallback(string notice, AnswerRequest request)
    {
        var answer = extractive.Write(request.Retrieval);
        return answer with { Notice = answer.Grounded ? notice : null };
    }

    private AnswerPromptValues PromptValues(AnswerRequest request, IReadOnlyList<Retrieval.RetrievedPassage> passages)
    {
        var today = time.GetUtcNow().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var original = request.OriginalQuestion ?? request.Question;
        return new AnswerPromptValues(
            today,
            PassageFence.Escape(request.Question),
            PassageFence.Passages(passages),
            PassageFence.Conversation(request.History),
            $"Write the answer in the language of the user's original question: «{PassageFence.Escape(original)}».");
    }
}
