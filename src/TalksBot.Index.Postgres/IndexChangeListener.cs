using Microsoft.Extensions.Logging;
using Npgsql;

namespace TalksBot.Index.Postgres;

/// <summary>
/// Keeps the index's generation current from LISTEN/NOTIFY, so an instance learns that another one committed a refresh
/// without asking the database on every question, and drops its in-process caches (vectors, vocabulary) then. While
/// it is not listening (not started, connection lost, reconnecting) <see cref="Generation"/> is null and callers read
/// the generation from the database instead: a lost notification can delay nothing past the reconnect.
/// </summary>
internal sealed class IndexChangeListener : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly object _gate = new();
    private readonly List<(long Generation, TaskCompletionSource Seen)> _waiters = [];
    // How long one wait for a notification lasts before the loop looks whether it was told to stop.
    private static readonly TimeSpan StopCheck = TimeSpan.FromMilliseconds(500);
    private Task? _loop;
    private long _generation = -1;
    private int _disposed;

    public IndexChangeListener(NpgsqlDataSource dataSource, ILogger logger)
    {
        _dataSource = dataSource;
        _logger = logger;
    }

    /// <summary>The newest generation announced, or null while not listening.</summary>
    public long? Generation
    {
        get
        {
            long g = Interlocked.Read(ref _generation);
            return g < 0 ? null : g;
        }
    }

    public void EnsureStarted()
    {
        if (_loop is not null) return;
        lock (_gate)
        {
            _loop ??= Task.Run(() => ListenAsync(_stop.Token));
        }
    }

    /// <summary>Completes once this listener has seen <paramref name="generation"/> (or a later one).</summary>
    public Task WaitForGenerationAsync(long generation, CancellationToken cancellationToken)
    {
        EnsureStarted();
        lock (_gate)
        {
            if (Interlocked.Read(ref _generation) >= generation) return Task.CompletedTask;
            var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((generation, seen));
            return seen.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>A generation this instance committed itself or was told of.</summary>
    public void Observe(long generation) => Observe(generation, listening: false);

    /// <summary>Only a live LISTEN connection makes the generation known; a local commit just moves a known one on.</summary>
    private void Observe(long generation, bool listening)
    {
        lock (_gate)
        {
            long current = Interlocked.Read(ref _generation);
            if ((listening || current >= 0) && generation > current) Interlocked.Exchange(ref _generation, generation);
            for (int i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Generation <= generation)
                {
                    _waiters[i].Seen.TrySetResult();
                    _waiters.RemoveAt(i);
                }
            }
        }
    }

    private async Task ListenAsync(CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
                connection.Notification += (_, e) =>
                {
                    if (long.TryParse(e.Payload, out var g)) Observe(g, listening: true);
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {PostgresSchema.ChangeChannel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(cancellationToken);
                }
                // Listening first, then reading: a commit in between is either read here or notified next.
                await using (var read = new NpgsqlCommand("SELECT generation FROM index_state", connection))
                {
                    Observe(Convert.ToInt64(await read.ExecuteScalarAsync(cancellationToken)), listening: true);
                }
                delay = TimeSpan.FromSeconds(1);
                // The wait is bounded instead of cancelled: cancelling Npgsql's WaitAsync through its token can deadlock
                // (npgsql/npgsql#5975, open), and a disposal waiting on that would hang shutdown. A wait that times out
                // leaves the connection usable and is not an error; a notification still ends it at once.
                while (!cancellationToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(StopCheck, CancellationToken.None);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // Whatever ended the connection, the generation is unknown until it is back: callers read it from the database.
                Interlocked.Exchange(ref _generation, -1);
                _logger.LogChangeNotificationsLost(ex.Message, delay);
                try
                {
                    await Task.Delay(delay, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
                delay = TimeSpan.FromSeconds(Math.Min(30, delay.TotalSeconds * 2));
            }
        }
        Interlocked.Exchange(ref _generation, -1);
    }

    public async ValueTask DisposeAsync()
    {
        // Registered under several service types, the index (and so this) can be disposed more than once.
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        // Cancelled off this thread and waited for with a bound: shutting down must not hang on a cancellation callback
        // or on a connection that stopped answering (with the server there the loop ends within one wait, StopCheck).
        Task cancelled = _stop.CancelAsync();
        Task stopped = _loop is null ? cancelled : Task.WhenAll(cancelled, _loop);
        var bound = TimeSpan.FromSeconds(10);
        try
        {
            await stopped.WaitAsync(bound);
        }
        catch (OperationCanceledException)
        {
        }
        catch (TimeoutException)
        {
            // The loop may still hold the token, so it is not disposed.
            _logger.LogChangeListenerNotStopped(bound);
            return;
        }
        _stop.Dispose();
    }
}
