namespace TalksBot.Core.Conversations;

/// <summary>
/// Keeps a platform's "typing…" indicator alive while an answer is written: sends it at once, then again every
/// interval (Telegram shows it ~5 s, Discord ~10 s) until disposed. Failures to send are ignored.
/// </summary>
/// <remarks>
/// Stopping lets a typing action already on its way finish (for up to <see cref="Grace"/>) rather than cancel it: a
/// cancelled request may still reach the platform, after the answer, and leave "typing…" showing under it.
/// </remarks>
public sealed class TypingIndicator : IAsyncDisposable
{
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(2);

    private readonly CancellationTokenSource _stop;
    private readonly CancellationTokenSource _abandon;
    private readonly TimeProvider _time;
    private readonly Task _loop;
    private int _disposed;

    private TypingIndicator(Func<CancellationToken, Task> send, TimeSpan every, TimeProvider time, CancellationToken cancellationToken)
    {
        _time = time;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _abandon = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _loop = RunAsync(send, every, time, _stop.Token, _abandon.Token);
    }

    public static TypingIndicator Start(Func<CancellationToken, Task> send, TimeSpan every, TimeProvider time, CancellationToken cancellationToken) =>
        new(send, every, time, cancellationToken);

    private static async Task RunAsync(Func<CancellationToken, Task> send, TimeSpan every, TimeProvider time, CancellationToken stop, CancellationToken abandon)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await send(abandon);
            }
            catch
            {
                // A missing typing indicator is cosmetic; the answer still goes out.
            }
            try
            {
                await Task.Delay(every, time, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Stops the indicator; safe to call more than once (a reply may stop it early, then leave its scope).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        // Synchronous, so the grace timer below exists before this returns its first await.
        _stop.Cancel();
        try { await _loop.WaitAsync(Grace, _time); }
        catch (TimeoutException) { await _abandon.CancelAsync(); }
        try { await _loop; } catch { }
        _stop.Dispose();
        _abandon.Dispose();
    }
}
