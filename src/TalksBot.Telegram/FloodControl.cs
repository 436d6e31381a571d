using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using TalksBot.Core.Conversations;

namespace TalksBot.Telegram;

/// <summary>
/// Outgoing limits Telegram asks bots to keep: about one message a second per chat, 20 a minute per group, 30 a second
/// overall. Each send waits for its turn instead of hitting 429; a 429 that comes anyway moves the chat's next turn past
/// its retry_after (<see cref="Defer"/>).
/// </summary>
/// <remarks>
/// Hand-written on purpose: System.Threading.RateLimiting's window limiters replenish on the real clock (Stopwatch), and
/// ignore a TryReplenish that comes sooner than their period of real time, so they can't run on a fake
/// <see cref="TimeProvider"/>; and a per-chat gap after the last send is not a rate a limiter expresses.
/// The limits are the bot's, not an instance's: with several instances on one shared store (an
/// <see cref="IRateLimitStore"/> is registered), the per-chat gap, the group minute and the overall second are counted
/// there, so two instances together keep them. A retry_after stays with the instance that was told it.
/// </remarks>
public sealed class FloodControl(TelegramOptions options, TimeProvider time, IRateLimitStore? shared = null, ILogger<FloodControl>? logger = null)
{
    private readonly ConcurrentDictionary<long, ChatGate> _chats = new();
    private readonly SlidingWindow _global = new(options.GlobalPerSecond, TimeSpan.FromSeconds(1), time);
    private int _sharedFailing;

    public async Task WaitTurnAsync(long chatId, CancellationToken ct)
    {
        var gate = Gate(chatId);
        await gate.Lock.WaitAsync(ct);
        try
        {
            // A 429 may move the turn while this waits: wait again until the turn holds.
            for (var wait = gate.Until(time); wait > TimeSpan.Zero; wait = gate.Until(time)) await Task.Delay(wait, time, ct);
            if (shared is not null && await WaitSharedTurnAsync(chatId, ct)) return;
            if (gate.Group is not null) await gate.Group.WaitAsync(ct);
            await _global.WaitAsync(ct);
            gate.Push(time.GetUtcNow() + TimeSpan.FromMilliseconds(options.PerChatIntervalMilliseconds));
        }
        finally
        {
            gate.Lock.Release();
        }
    }

    /// <summary>
    /// The turn counted in the shared store: the chat's gap as one send per interval, the group's 20 a minute, the
    /// overall 30 a second. False when the store can't be reached: this send is paced in the process instead (a
    /// send held back because the database is down would cost the user the answer).
    /// </summary>
    private async Task<bool> WaitSharedTurnAsync(long chatId, CancellationToken ct)
    {
        try
        {
            if (options.PerChatIntervalMilliseconds > 0)
                await WaitSharedAsync($"telegram:send:chat:{chatId}", 1, TimeSpan.FromMilliseconds(options.PerChatIntervalMilliseconds), ct);
            if (chatId < 0) await WaitSharedAsync($"telegram:send:group:{chatId}", options.PerGroupPerMinute, TimeSpan.FromMinutes(1), ct);
            await WaitSharedAsync("telegram:send:all", options.GlobalPerSecond, TimeSpan.FromSeconds(1), ct);
            if (Interlocked.Exchange(ref _sharedFailing, 0) == 1) logger?.LogSharedSendLimitsBack();
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            if (Interlocked.Exchange(ref _sharedFailing, 1) == 0)
            {
                logger?.LogSharedSendLimitsFailing(ex.Message);
            }
            return false;
        }
    }

    private async Task WaitSharedAsync(string key, int limit, TimeSpan window, CancellationToken ct)
    {
        while (await shared!.TryAcquireAsync(key, limit, window, time.GetUtcNow(), ct) is { } wait)
            await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.FromMilliseconds(1), time, ct);
    }

    /// <summary>Telegram answered 429 with retry_after: the chat's next turn is no sooner than that.</summary>
    public void Defer(long chatId, TimeSpan retryAfter) => Gate(chatId).Push(time.GetUtcNow() + retryAfter);

    private ChatGate Gate(long chatId) =>
        _chats.GetOrAdd(chatId, id => new ChatGate(id < 0 ? new SlidingWindow(options.PerGroupPerMinute, TimeSpan.FromMinutes(1), time) : null));

    private sealed class ChatGate(SlidingWindow? group)
    {
        private DateTimeOffset _next = DateTimeOffset.MinValue;

        public SemaphoreSlim Lock { get; } = new(1, 1);
        public SlidingWindow? Group { get; } = group;

        public TimeSpan Until(TimeProvider time)
        {
            lock (this) return _next - time.GetUtcNow();
        }

        /// <summary>Moves the next turn to <paramref name="next"/> unless it is already later.</summary>
        public void Push(DateTimeOffset next)
        {
            lock (this) if (_next < next) _next = next;
        }
    }

    /// <summary>At most N events in any window.</summary>
    private sealed class SlidingWindow(int limit, TimeSpan window, TimeProvider time)
    {
        private readonly Queue<DateTimeOffset> _events = new();
        private readonly SemaphoreSlim _lock = new(1, 1);

        public async Task WaitAsync(CancellationToken ct)
        {
            await _lock.WaitAsync(ct);
            try
            {
                while (true)
                {
                    var now = time.GetUtcNow();
                    while (_events.Count > 0 && now - _events.Peek() >= window) _events.Dequeue();
                    if (_events.Count < limit)
                    {
                        _events.Enqueue(now);
                        return;
                    }
                    await Task.Delay(window - (now - _events.Peek()), time, ct);
                }
            }
            finally
            {
                _lock.Release();
            }
        }
    }
}
