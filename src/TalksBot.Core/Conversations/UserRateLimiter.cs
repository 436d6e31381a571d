using System.Collections.Concurrent;

namespace TalksBot.Core.Conversations;

/// <summary>
/// A sliding one-minute window of questions per user. A user over the limit is told once: until they may ask again,
/// further refusals are silent, so a flood of messages never becomes a flood of replies.
/// </summary>
public sealed class UserRateLimiter(int perMinute, TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, UserWindow> _users = new();

    /// <summary>Counts a question if the user is under the limit; otherwise says how long until they may ask again.</summary>
    public bool TryAcquire(string userKey, out TimeSpan retryAfter) => TryAcquire(userKey, out retryAfter, out _);

    /// <param name="alreadyTold">
    /// On a refusal: true when this user was refused before and may still not ask (they have been told; stay quiet).
    /// </param>
    public bool TryAcquire(string userKey, out TimeSpan retryAfter, out bool alreadyTold)
    {
        var now = time.GetUtcNow();
        var user = _users.GetOrAdd(userKey, _ => new UserWindow());
        lock (user)
        {
            var asked = user.Asked;
            while (asked.Count > 0 && now - asked.Peek() >= Window) asked.Dequeue();
            if (asked.Count >= perMinute)
            {
                retryAfter = Window - (now - asked.Peek());
                alreadyTold = user.ToldUntil is { } until && now < until;
                if (!alreadyTold) user.ToldUntil = now + retryAfter;
                return false;
            }
            asked.Enqueue(now);
            user.ToldUntil = null;
            retryAfter = TimeSpan.Zero;
            alreadyTold = false;
        }
        if (_users.Count > 50_000) Prune(now);
        return true;
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, user) in _users)
        {
            lock (user)
            {
                if (user.Asked.Count == 0 || now - user.Asked.Last() >= Window) _users.TryRemove(key, out _);
            }
        }
    }

    private sealed class UserWindow
    {
        public Queue<DateTimeOffset> Asked { get; } = new();

        /// <summary>When the user was last told to wait, until the time they were told.</summary>
        public DateTimeOffset? ToldUntil { get; set; }
    }
}
