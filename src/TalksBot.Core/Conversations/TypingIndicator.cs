namespace TalksBot.Core.Conversations;

/// <summary>
/// Keeps a platform's "typing…" indicator alive while an answer is written: sends it at once, then again every
/// interval (Telegram shows it ~5 s, Discord ~10 s) until disposed. Failures to send are ignored.
/// </summary>
public sealed class TypingIndicator : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly Task _loop;
    private int _disposed;

    private TypingIndicator(Func<CancellationToken, Task> send, TimeSpan every, TimeProvider time, CancellationToken cancellationToken)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _loop = RunAsync(send, every, time, _stop.Token);
    }

    public static TypingIndicator Start(Func<CancellationToken, Task> send, TimeSpan every, TimeProvider time, CancellationToken cancellationToken) =>
        new(send, every, time, cancellationToken);

    private static async Task RunAsync(Func<CancellationToken, Task> send, TimeSpan every, TimeProvider time, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await send(ct);
            }
            catch
            {
                // A missing typing indicator is cosmetic; the answer still goes out.
            }
            try
            {
                await Task.Delay(every, time, ct);
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
        await _stop.CancelAsync();
        try { await _loop; } catch { }
        _stop.Dispose();
    }
}
