using System.Collections.Concurrent;

namespace TalksBot.Telegram;

/// <summary>
/// Outgoing limits Telegram asks bots to keep: about one message a second per chat, 20 a minute per group, 30 a second
/// overall. Each send waits for its turn instead of hitting 429.
/// </summary>
public sealed class FloodControl(TelegramOptions options, TimeProvider time)
{
    private readonly ConcurrentDictionary<long, ChatGate> _chats = new();
    private readonly SlidingWindow _global = new(options.GlobalPerSecond, TimeSpan.FromSeconds(1), time);

    public async Task WaitTurnAsync(long chatId, CancellationToken ct)
    {
        var gate = Gate(chatId);
        await gate.Lock.WaitAsync(ct);
        try
        {
            var now = time.GetUtcNow();
            if (gate.Next > now) await Task.Delay(gate.Next - now, time, ct);
            if (gate.Group is not null) await gate.Group.WaitAsync(ct);
            await _global.WaitAsync(ct);
            gate.Next = time.GetUtcNow() + TimeSpan.FromMilliseconds(options.PerChatIntervalMilliseconds);
        }
        finally
        {
            gate.Lock.Release();
        }
    }

    /// <summary>Telegram answered 429 with retry_after: the chat's next turn is no sooner than that.</summary>
    public void Defer(long chatId, TimeSpan retryAfter)
    {
        var gate = Gate(chatId);
        var until = time.GetUtcNow() + retryAfter;
        lock (gate) if (gate.Next < until) gate.Next = until;
    }

    private ChatGate Gate(long chatId) =>
        _chats.GetOrAdd(chatId, id => new ChatGate(id < 0 ? new SlidingWindow(options.PerGroupPerMinute, TimeSpan.FromMinutes(1), time) : null));

    private sealed class ChatGate(SlidingWindow? group)
    {
        public SemaphoreSlim Lock { get; } = new(1, 1);
        public DateTimeOffset Next { get; set; } = DateTimeOffset.MinValue;
        public SlidingWindow? Group { get; } = group;
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
