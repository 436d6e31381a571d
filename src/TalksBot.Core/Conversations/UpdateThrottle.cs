using System.Runtime.CompilerServices;
using TalksBot.Core.Answering;

namespace TalksBot.Core.Conversations;

/// <summary>
/// Thins a stream of answer updates for chat platforms that edit a reply in place: at most one partial update per
/// interval (the newest one), and always the final one. Chat APIs rate-limit edits; readers don't need every token.
/// </summary>
public static class UpdateThrottle
{
    public static async IAsyncEnumerable<AnswerUpdate> ThrottleAsync(
        IAsyncEnumerable<AnswerUpdate> updates, TimeSpan interval, TimeProvider time, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        long last = long.MinValue;
        await foreach (var update in updates.WithCancellation(cancellationToken))
        {
            if (update.IsFinal)
            {
                yield return update;
                yield break;
            }
            long now = time.GetTimestamp();
            if (last == long.MinValue || time.GetElapsedTime(last, now) >= interval)
            {
                last = now;
                yield return update;
            }
        }
    }
}
