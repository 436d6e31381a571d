using Microsoft.Extensions.Time.Testing;

namespace TalksBot.Testing;

/// <summary>
/// A fake clock that tells when a wait has started: a test awaits <see cref="TimerCreatedAsync"/> for a wait of a given
/// length (a retry's delay, a bucket's reset), then advances the clock past it, so nothing is left to real-time luck.
/// </summary>
public sealed class TimerWatchingTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly Lock _lock = new();
    private readonly List<TimeSpan> _created = [];
    private readonly List<(TimeSpan DueTime, int Count, TaskCompletionSource Signal)> _waiting = [];

    /// <summary>Completes once <paramref name="count"/> timers due after <paramref name="dueTime"/> have been created (counting those before the call).</summary>
    public Task TimerCreatedAsync(TimeSpan dueTime, int count = 1)
    {
        lock (_lock)
        {
            if (_created.Count(d => d == dueTime) >= count) return Task.CompletedTask;
            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Add((dueTime, count, signal));
            return signal.Task.WaitAsync(TimeSpan.FromSeconds(20));
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        lock (_lock)
        {
            _created.Add(dueTime);
            foreach (var waiting in _waiting.Where(w => w.DueTime == dueTime && _created.Count(d => d == dueTime) >= w.Count).ToList())
            {
                waiting.Signal.TrySetResult();
                _waiting.Remove(waiting);
            }
        }
        return timer;
    }
}
