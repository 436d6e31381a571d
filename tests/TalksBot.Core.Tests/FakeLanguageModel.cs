using System.Runtime.CompilerServices;
using TalksBot.Core.Answering.Llm;
using TalksBot.Core.Prompts;

namespace TalksBot.Core.Tests;

/// <summary>
/// A language model driven by a delegate: each call (answer or rewrite) gets its number (1, 2, …), the answer's
/// retry allowance (a fresh, empty one for a rewrite) and the call's token, and returns the reply or throws what the
/// Semantic Kernel adapter surfaces: <see cref="LlmUnavailableException"/> for a failed model (with RetryAfter for a
/// 429), OperationCanceledException when the token is cancelled. An answer streams in three pieces, as a model
/// streams. Records the values of every call.
/// </summary>
public sealed class FakeLanguageModel(Func<int, RetryAllowance, CancellationToken, Task<string>> reply) : ILanguageModel
{
    private int _calls;

    public FakeLanguageModel(Func<int, Task<string>> reply) : this((call, _, _) => reply(call))
    {
    }

    public List<AnswerPromptValues> Answers { get; } = [];

    public List<RewritePromptValues> Rewrites { get; } = [];

    public int CallCount => Volatile.Read(ref _calls);

    public async IAsyncEnumerable<string> StreamAnswerAsync(
        AnswerPromptValues values, CitablePassages passages, RetryAllowance retries, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        lock (Answers) Answers.Add(values);
        var text = await reply(Interlocked.Increment(ref _calls), retries, cancellationToken);
        int third = Math.Max(1, text.Length / 3);
        for (int i = 0; i < text.Length; i += third)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return text.Substring(i, Math.Min(third, text.Length - i));
        }
    }

    public async Task<string> RewriteAsync(RewritePromptValues values, CancellationToken cancellationToken)
    {
        lock (Rewrites) Rewrites.Add(values);
        return await reply(Interlocked.Increment(ref _calls), new RetryAllowance(0), cancellationToken);
    }
}
