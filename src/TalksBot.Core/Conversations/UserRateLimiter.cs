using System.Collections.Concurrent;

namespace TalksBot.Core.Conversations;

/// <summary>
/// A sliding one-minute window of questions per user: in the process, or in a shared <see cref="IRateLimitStore"/>
/// when several instances answer (PostgreSQL). A user over the limit is told once (<see cref="ShouldTell"/>): until
/// they may ask again, further refusals are silent, so a flood of messages never becomes a flood of replies.
/// </summary>
public sealed class UserRateLimiter(int perMinute, TimeProvider time, IRateLimitStore? store = null)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _asked = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> _toldUntil = new();

    /// <summary>
    /// After a refusal: true the first time, when the user is to be told to wait <paramref name="retryAfter"/>; false
    /// for every refusal after that until the wait is over (they have been told; stay quiet).
    /// </summary>
    public bool ShouldTell(string userKey, TimeSpan retryAfter)
    {
        var now = time.GetUtcNow();
        while (true)
        {
            if (_toldUntil.TryGetValue(userKey, out var until))
            {
                if (now < until) return false;
                if (_toldUntil.TryUpdate(userKey, now + retryAfter, until)) return true;
            }
            else if (_toldUntil.TryAdd(userKey, now + retryAfter))
            {
                if (_toldUntil.Count > 50_000) PruneTold(now);
                return true;
            }
        }
    }

    private void PruneTold(DateTimeOffset now)
    {
        foreach (var (key, until) in _toldUntil)
        {
            if (until <= now) _toldUntil.TryRemove(new KeyValuePair<string, DateTimeOffset>(key, until));
        }
    }

    /// <summary>Counts a question if the user is under the limit; otherwise says how long until they may ask again.</summary>
    public async Task<(bool Acquired, TimeSpan RetryAfter)> TryAcquireAsync(string userKey, CancellationToken cancellationToken)
    {
        if (store is null) return (TryAcquire(userKey, out var retryAfter), retryAfter);
        var wait = await store.TryAcquireAsync(userKey, perMinute, Window, time.GetUtcNow(), cancellationToken);
        return (wait is null, wait ?? TimeSpan.Zero);
    }

    /// <summary>Counts a question if the user is under the limit; otherwise says how long until they may ask again.</summary>
    public bool TryAcquire(string userKey, out TimeSpan retryAfter)
    {
        var now = time.GetUtcNow();
        var queue = _asked.GetOrAdd(userKey, _ => new Queue<DateTimeOffset>());
        lock (queue)
        {
            while (queue.Count > 0 && now - queue.Peek() >= Window) queue.Dequeue();
            if (queue.Count >= perMinute)
            {
                retryAfter = Window - (now - queue.Peek());
                return false;
            }
            queue.Enqueue(now);
            retryAfter = TimeSpan.Zero;
        }
        if (_asked.Count > 50_000) Prune(now);
        return true;
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, queue) in _asked)
        {
            lock (queue)
            {
                if (queue.Count == 0 || now - queue.Last() >= Window) _asked.TryRemove(key, out _);
            }
        }
    }
}
