using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace TalksBot.Core.Chat;

/// <summary>
/// Runs chat work off the receiver's path (a gateway's receive loop, an HTTP request), a few at a time, on its own
/// token: a host that starts stopping lets the work in hand finish, since a reply cut off would leave "thinking…"
/// showing; only the shutdown deadline cancels it.
/// </summary>
public sealed class ChatWorkQueue(string platform, ILogger? logger = null) : IDisposable
{
    private readonly ILogger _logger = logger ?? NullLogger.Instance;
    // Answers wait here so they never take the threads that acknowledge new interactions within a platform's deadline.
    private readonly SemaphoreSlim _slots = new(Environment.ProcessorCount);
    private readonly ConcurrentDictionary<Task, byte> _running = new();
    private readonly CancellationTokenSource _abort = new();

    public int InHand => _running.Count;

    public void Run(Func<CancellationToken, Task> work, string what)
    {
        var task = Task.Run(async () =>
        {
            try
            {
                await _slots.WaitAsync(_abort.Token);
                try { await work(_abort.Token); }
                finally { _slots.Release(); }
            }
            catch (OperationCanceledException) when (_abort.IsCancellationRequested) { }
            catch (Exception ex) { _logger.LogChatWorkFailed(ex, platform, what); }
        });
        _running.TryAdd(task, 0);
        task.ContinueWith(t => _running.TryRemove(t, out _), TaskScheduler.Default);
    }

    /// <summary>Waits for the work in hand; cancels it when <paramref name="deadline"/> (the host's shutdown timeout) fires.</summary>
    public async Task DrainAsync(CancellationToken deadline)
    {
        using var abort = deadline.Register(() =>
        {
            try { _abort.Cancel(); } catch (ObjectDisposedException) { }
        });
        if (!_running.IsEmpty) _logger.LogChatStopping(platform, _running.Count);
        try { await Task.WhenAll(_running.Keys).WaitAsync(deadline); }
        catch (OperationCanceledException) { }
    }

    public void Dispose() => _abort.Dispose();
}
