using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TalksBot.Core.Answering;
using TalksBot.Core.Diagnostics;

namespace TalksBot.Core.Conversations;

/// <summary>
/// One path for a chat question on every platform: validate → rate limit → rewrite a follow-up → answer → remember.
/// Platforms translate their wire format in and their markup out; nothing here knows which platform asked.
/// Never throws to the caller: every failure ends in a final update whose text a user can read.
/// </summary>
public sealed class ConversationPipeline(
    QuestionAnswerer answerer,
    ConversationMemory memory,
    UserRateLimiter limiter,
    IOptions<ChatOptions> options,
    IQuestionRewriter? rewriter = null,
    ILogger<ConversationPipeline>? logger = null,
    QuestionTelemetry? telemetry = null) : IConversationPipeline
{
    private readonly QuestionTelemetry _telemetry = telemetry ?? new QuestionTelemetry();

    private readonly ILogger _logger = logger ?? NullLogger<ConversationPipeline>.Instance;
    // Without a model, follow-ups are still combined with the question before them.
    private readonly FollowUpRewriter _followUps = new(Retrieval.TextAnalyzer.Default);

    public async IAsyncEnumerable<AnswerUpdate> AskAsync(ChatQuestion question, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var text = question.Text.Trim();
        var limits = options.Value;
        using var observation = _telemetry.Start(question);
        if (text.Length == 0)
        {
            observation.Refused("empty");
            yield return AnswerUpdate.Finished(Answer.Refusal(ChatTexts.EmptyQuestion));
            yield break;
        }
        if (text.Length > limits.MaxQuestionLength)
        {
            observation.Refused("too_long");
            yield return AnswerUpdate.Finished(Answer.Refusal(ChatTexts.TooLong(text.Length, limits.MaxQuestionLength)));
            yield break;
        }
        var (acquired, retryAfter) = await TryAcquireAsync(question.UserKey, cancellationToken);
        if (!acquired)
        {
            observation.Refused("rate_limited");
            // Told once per window: the refusals after that have no text, and platforms send nothing for them.
            var told = limiter.ShouldTell(question.UserKey, retryAfter) ? ChatTexts.RateLimited(limits.QuestionsPerMinute, retryAfter) : "";
            yield return AnswerUpdate.Finished(Answer.Refusal(told));
            yield break;
        }

        var history = await RecentAsync(question.ConversationKey, cancellationToken);
        // A reply to an earlier answer: that exchange is the one followed up on, read as the conversation's latest.
        if (question.RepliedTo is { } repliedTo) history = [.. history.Where(t => t != repliedTo), repliedTo];
        var standalone = text;
        try
        {
            standalone = await (rewriter ?? _followUps).RewriteAsync(text, history, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogFollowUpRewriteFailed(ex.Message);
            standalone = await _followUps.RewriteAsync(text, history, cancellationToken);
        }

        // A nameless question the rewriter left alone may still lean on the conversation: tried in context if alone it isn't covered.
        var inContext = string.Equals(standalone, text, StringComparison.Ordinal) ? _followUps.InContext(text, history) : null;

        // yield can't sit inside a try with a catch, so the enumerator is driven by hand.
        var updates = answerer.AskAsync(standalone, history, cancellationToken, text, inContext).GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                AnswerUpdate update;
                bool failed = false;
                try
                {
                    if (!await updates.MoveNextAsync()) break;
                    update = updates.Current;
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    _logger.LogQuestionFailed(ex, question.ConversationKey);
                    update = AnswerUpdate.Finished(Answer.Refusal(ChatTexts.SomethingWentWrong));
                    failed = true;
                }
                if (failed)
                {
                    observation.Refused("failed");
                    yield return update;
                    yield break;
                }
                if (update.Final is { } final)
                {
                    var asked = final.StandaloneQuestion ?? standalone;
                    if (!string.Equals(asked, text, StringComparison.Ordinal)) final = final with { StandaloneQuestion = asked };
                    await RememberAsync(question.ConversationKey, asked, final.Text, cancellationToken);
                    observation.Answered(final);
                    yield return AnswerUpdate.Finished(final);
                    yield break;
                }
                yield return update;
            }
        }
        finally
        {
            await updates.DisposeAsync();
        }
    }

    // The shared stores (several instances) can fail like any database; a question is still answered then: counted
    // by no one, or without the conversation before it. One log line says what was lost.
    private async Task<(bool Acquired, TimeSpan RetryAfter)> TryAcquireAsync(string userKey, CancellationToken cancellationToken)
    {
        try
        {
            return await limiter.TryAcquireAsync(userKey, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogRateLimitStoreFailed(ex.Message);
            return (true, TimeSpan.Zero);
        }
    }

    private async Task<IReadOnlyList<ConversationTurn>> RecentAsync(string conversationKey, CancellationToken cancellationToken)
    {
        try
        {
            return await memory.RecentAsync(conversationKey, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogHistoryUnreadable(conversationKey, ex.Message);
            return [];
        }
    }

    private async Task RememberAsync(string conversationKey, string question, string answer, CancellationToken cancellationToken)
    {
        try
        {
            await memory.RememberAsync(conversationKey, question, answer, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogTurnNotRemembered(conversationKey, ex.Message);
        }
    }
}
