namespace TalksBot.Core.Conversations;

/// <summary>
/// An IProgress that forwards at most one report per interval to an async sink (e.g. editing a chat message),
/// never two at once, always the newest value; <see cref="FlushAsync"/> waits for the sink to be idle.
/// </summary>
public sealed class ThrottledProgress<T>(Func<T, Task> sink, TimeSpan interval, TimeProvider time) : IProgress<T>
{
    private readonly object _lock = new();
    private long _lastSent = long.MinValue;
    private Task _running = Task.CompletedTask;
    private bool _hasPending;
    private T? _pending;

    public void Report(T value)
    {
        lock (_lock)
        {
            _pending = value;
            _hasPending = true;
            if (!_running.IsCompleted) return;
            long now = time.GetTimestamp();
            if (_lastSent != long.MinValue && time.GetElapsedTime(_lastSent, now) < interval) return;
            _running = SendPendingAsync();
        }
    }

    /// <summary>Waits until any report in flight is delivered (the final summary should come after it).</summary>
    public Task FlushAsync()
    {
        lock (_lock) return _running;
    }

    private async Task SendPendingAsync()
    {
        T value;
        lock (_lock)
        {
            if (!_hasPending) return;
            value = _pending!;
            _hasPending = false;
            _lastSent = time.GetTimestamp();
        }
        try
        {
            await sink(value);
        }
        catch
        {
            // Progress is best effort; the final summary reports the outcome.
        }
    }
}
