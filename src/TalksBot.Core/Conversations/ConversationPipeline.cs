using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TalksBot.Core.Answering;

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
    ILogger<ConversationPipeline>? logger = null) : IConversationPipeline
{
    private readonly ILogger _logger = logger ?? NullLogger<ConversationPipeline>.Instance;

    public async IAsyncEnumerable<AnswerUpdate> AskAsync(ChatQuestion question, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var text = question.Text.Trim();
        var limits = options.Value;
        if (text.Length == 0)
        {
            yield return AnswerUpdate.Finished(Answer.Refusal(ChatTexts.EmptyQuestion));
            yield break;
        }
        if (text.Length > limits.MaxQuestionLength)
        {
            yield return AnswerUpdate.Finished(Answer.Refusal(ChatTexts.TooLong(text.Length, limits.MaxQuestionLength)));
            yield break;
        }
        if (!limiter.TryAcquire(question.UserKey, out var retryAfter))
        {
            yield return AnswerUpdate.Finished(Answer.Refusal(ChatTexts.RateLimited(limits.QuestionsPerMinute, retryAfter)));
            yield break;
        }

        var history = memory.Recent(question.ConversationKey);
        var standalone = text;
        if (rewriter is not null)
        {
            try
            {
                standalone = await rewriter.RewriteAsync(text, history, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _logger.LogWarning("Rewriting a follow-up failed, answering it as asked: {Reason}", ex.Message);
            }
        }

        // yield can't sit inside a try with a catch, so the enumerator is driven by hand.
        var updates = answerer.AskAsync(standalone, history, cancellationToken, text).GetAsyncEnumerator(cancellationToken);
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
                    _logger.LogError(ex, "Answering a question in {Conversation} failed", question.ConversationKey);
                    update = AnswerUpdate.Finished(Answer.Refusal(ChatTexts.SomethingWentWrong));
                    failed = true;
                }
                if (failed)
                {
                    yield return update;
                    yield break;
                }
                if (update.Final is { } final)
                {
                    if (!string.Equals(standalone, text, StringComparison.Ordinal)) final = final with { StandaloneQuestion = standalone };
                    memory.Remember(question.ConversationKey, standalone, final.Text);
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
}
