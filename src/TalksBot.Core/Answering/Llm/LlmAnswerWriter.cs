using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TalksBot.Core.Prompts;

namespace TalksBot.Core.Answering.Llm;

/// <summary>
/// Has the language model write the answer from numbered, fenced passages, streaming it as it is written, then
/// validates every [n]. When the model fails (timeout, 429, 5xx, unreachable, malformed or empty reply) it retries at
/// most once, quickly, then answers extractively with a one-line notice. Never throws for a model failure.
/// </summary>
public sealed class LlmAnswerWriter(
    IChatClient chat,
    PromptSet prompts,
    LlmSettings settings,
    ExtractiveAnswerWriter extractive,
    TimeProvider time,
    ILogger<LlmAnswerWriter>? logger = null) : IAnswerWriter
{
    private readonly ILogger _logger = logger ?? NullLogger<LlmAnswerWriter>.Instance;

    public async IAsyncEnumerable<AnswerUpdate> WriteAsync(AnswerRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var passages = request.Retrieval.Passages.Take(settings.MaxPassages).ToList();
        if (!request.Retrieval.Covered || passages.Count == 0)
        {
            yield return AnswerUpdate.Finished(Answer.NotCovered(AnswerMode.Llm));
            yield break;
        }
        var messages = BuildMessages(request, passages);
        var options = new ChatOptions { ModelId = settings.Model, Temperature = 0.1f };

        string? reply = null;
        string failure = "";
        for (int attempt = 1; attempt <= 2 && reply is null; attempt++)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(settings.Timeout);
            var text = new StringBuilder();
            var stream = chat.GetStreamingResponseAsync(messages, options, timeout.Token).GetAsyncEnumerator(timeout.Token);
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
                    catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                    {
                        error = new LlmUnavailableException($"no complete answer within {settings.Timeout.TotalSeconds:0} s");
                        break;
                    }
                    catch (LlmUnavailableException ex)
                    {
                        error = ex;
                        break;
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        error = new LlmUnavailableException($"unexpected failure ({ex.GetType().Name})", null, ex);
                        break;
                    }
                    if (!more) break;
                    var delta = stream.Current.Text;
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
            _logger.LogWarning("Language model attempt {Attempt} failed: {Reason}", attempt, error.Reason);
            if (attempt == 2) break;
            // One quick retry; wait for Retry-After only when it is short.
            if (error.RetryAfter is { } wait)
            {
                if (wait > settings.MaxRetryAfter) break;
                await Task.Delay(wait, time, cancellationToken);
            }
        }

        if (reply is null)
        {
            yield return AnswerUpdate.Finished(Fallback($"The language model was unavailable ({failure}), so this answer quotes the articles directly.", request));
            yield break;
        }

        var checkedReply = CitationValidator.Validate(reply, passages);
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
            _logger.LogInformation("Removed {Count} citation marker(s) that pointed at no passage and {Claims} sentence(s) they alone supported",
                checkedReply.RemovedMarkers, checkedReply.DroppedClaims);
        }
        yield return AnswerUpdate.Finished(new Answer(checkedReply.Text, AnswerMode.Llm, true, checkedReply.Citations));
    }

    private Answer Fallback(string notice, AnswerRequest request)
    {
        var answer = extractive.Write(request.Retrieval);
        return answer with { Notice = answer.Grounded ? notice : null };
    }

    private List<ChatMessage> BuildMessages(AnswerRequest request, IReadOnlyList<Retrieval.RetrievedPassage> passages)
    {
        var today = time.GetUtcNow().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var original = request.OriginalQuestion ?? request.Question;
        var values = new Dictionary<string, string>
        {
            ["today"] = today,
            ["question"] = PassageFence.Escape(request.Question),
            ["passages"] = PassageFence.Passages(passages),
            ["conversation"] = PassageFence.Conversation(request.History),
            ["language_hint"] = $"Write the answer in the language of the user's original question: «{PassageFence.Escape(original)}».",
        };
        return
        [
            new ChatMessage(ChatRole.System, prompts.System.Render(values)),
            new ChatMessage(ChatRole.User, prompts.Answer.Render(values)),
        ];
    }
}
