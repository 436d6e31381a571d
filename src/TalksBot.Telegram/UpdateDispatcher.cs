using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace TalksBot.Telegram;

/// <summary>
/// Runs updates: different chats at once, one chat in order. An update goes into the <see cref="UpdateLedger"/> inbox
/// before anything else, leaves it only once answered, and one already seen (a redelivery after a restart, a webhook
/// retry) is skipped; so receiving never waits for answering, and nothing received is lost or answered twice.
/// </summary>
/// <remarks>
/// Work in hand is not cancelled when the host starts stopping: an answer cut off between "sent" and "recorded" would be
/// sent again after the restart. Updates not yet started stay in the inbox for the next start. Work in hand is
/// cancelled only when the host's shutdown timeout runs out (see <see cref="StopAsync"/>).
/// </remarks>
public sealed class UpdateDispatcher(TelegramBot bot, UpdateLedger ledger, ILogger<UpdateDispatcher> logger) : IDisposable
{
    private readonly ConcurrentDictionary<long, Task> _tails = new();
    private readonly ConcurrentDictionary<long, byte> _inFlight = new();
    private readonly CancellationTokenSource _abort = new();
    private readonly object _lock = new();
    private TaskCompletionSource _answered = NewSignal();
    private volatile bool _stopping;

    /// <summary>How many updates are being handled right now.</summary>
    public int InHand => _inFlight.Count;

    /// <summary>Updates received and not yet answered (in hand or queued).</summary>
    public int Waiting => ledger.InboxCount;

    /// <summary>Completes when the next update is answered (long polling waits on it when the inbox is full).</summary>
    public Task NextAnsweredAsync() => Volatile.Read(ref _answered).Task;

    /// <summary>Long polling: the batch is stored and queued; everything through its last id counts as received.</summary>
    public async Task AcceptBatchAsync(IReadOnlyList<Update> updates, CancellationToken ct)
    {
        foreach (var update in await ledger.AcceptAsync(updates, throughLast: true, ct)) Enqueue(update);
    }

    /// <summary>Webhook: the update is stored and queued; the caller may answer Telegram 200 once this returns.</summary>
    public async Task AcceptAsync(Update update, CancellationToken ct)
    {
        foreach (var fresh in await ledger.AcceptAsync([update], throughLast: false, ct)) Enqueue(fresh);
    }

    /// <summary>At start: queues what was received before a restart and not answered.</summary>
    public async Task ResumeAsync(CancellationToken ct)
    {
        var inbox = await ledger.InboxAsync(ct);
        if (inbox.Count > 0) logger.LogInboxResumed(inbox.Count);
        foreach (var update in inbox) Enqueue(update);
    }

    /// <summary>
    /// The receivers' graceful stop: no update starts from now on, <paramref name="stopReceiving"/> runs, and the updates
    /// in hand finish, unless <paramref name="shutdownTimeout"/> fires first: then they are abandoned mid-way and stay in
    /// the inbox, like everything not yet started.
    /// </summary>
    public async Task StopAsync(Func<Task> stopReceiving, CancellationToken shutdownTimeout)
    {
        _stopping = true;
        using var abort = shutdownTimeout.Register(Abort);
        await stopReceiving();
        if (InHand > 0) logger.LogStopping(InHand);
        try { await DrainAsync().WaitAsync(shutdownTimeout); }
        catch (OperationCanceledException) { }
    }

    /// <summary>Waits for the updates in hand (graceful shutdown, tests).</summary>
    public Task DrainAsync() => Task.WhenAll(_tails.Values);

    private void Abort()
    {
        try { _abort.Cancel(); } catch (ObjectDisposedException) { }
    }

    public void Dispose() => _abort.Dispose();

    private void Enqueue(Update update)
    {
        var chat = TelegramBot.ChatOf(update);
        lock (_lock)
        {
            var previous = _tails.GetValueOrDefault(chat) ?? Task.CompletedTask;
            Task tail = null!;
            tail = previous.ContinueWith(_ => RunOneAsync(update), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap()
                .ContinueWith(_ =>
                {
                    // A chat that went quiet leaves nothing behind.
                    lock (_lock) _tails.TryRemove(new KeyValuePair<long, Task>(chat, tail));
                }, TaskScheduler.Default);
            _tails[chat] = tail;
        }
    }

    private async Task RunOneAsync(Update update)
    {
        var ct = _abort.Token;
        if (_stopping || ct.IsCancellationRequested || !ledger.IsWaiting(update.Id)) return;
        if (!_inFlight.TryAdd(update.Id, 0)) return;
        try
        {
            await bot.Started.WaitAsync(ct);
            await bot.HandleAsync(update, ct);
            // The answer is out: recording it must not be skipped, or a restart would send it again.
            await ledger.CompleteAsync(update.Id, CancellationToken.None);
            Interlocked.Exchange(ref _answered, NewSignal()).TrySetResult();
        }
        catch (ApiRequestException ex) when (ex.ErrorCode == 401)
        {
            logger.LogUpdateLeftForTokenRejected(update.Id);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutdown timeout: the update stays in the inbox and is answered after the restart.
        }
        catch (Exception ex)
        {
            logger.LogUpdateNotHandled(ex, update.Id);
            // Not retried at the next start: an update that fails every time must not fail every start.
            try { await ledger.CompleteAsync(update.Id, CancellationToken.None); } catch (Exception) { }
        }
        finally
        {
            _inFlight.TryRemove(update.Id, out _);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
