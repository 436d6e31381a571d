using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using TalksBot.Telegram.Types;

namespace TalksBot.Telegram;

/// <summary>
/// Runs updates: different chats at once, one chat in order; each update is recorded as handled only after it was,
/// and an update already handled (a redelivery after a restart, a webhook retry) is skipped.
/// </summary>
/// <remarks>
/// Work in hand is not cancelled when the host starts stopping: an answer cut off between "sent" and "recorded" would be
/// sent again after the restart. It is cancelled only by <see cref="Abort"/>, when the host's shutdown timeout runs out.
/// </remarks>
public sealed class UpdateDispatcher(TelegramBot bot, HandledUpdates handled, ILogger<UpdateDispatcher> logger) : IDisposable
{
    private readonly ConcurrentDictionary<long, Task> _tails = new();
    private readonly ConcurrentDictionary<long, byte> _inFlight = new();
    private readonly CancellationTokenSource _abort = new();
    private readonly object _lock = new();

    /// <summary>Long polling: one batch, then everything through its last id is confirmed.</summary>
    public async Task RunBatchAsync(IReadOnlyList<Update> updates)
    {
        if (updates.Count == 0) return;
        var ct = _abort.Token;
        var chats = updates.OrderBy(u => u.UpdateId).GroupBy(u => u.Message?.Chat.Id ?? 0);
        await Task.WhenAll(chats.Select(async chat =>
        {
            foreach (var update in chat) await RunOneAsync(update, ct);
        }));
        await handled.ConfirmThroughAsync(updates.Max(u => u.UpdateId), CancellationToken.None);
    }

    /// <summary>Webhook: queue behind earlier updates of the same chat and return at once.</summary>
    public void Enqueue(Update update)
    {
        var ct = _abort.Token;
        var chat = update.Message?.Chat.Id ?? 0;
        lock (_lock)
        {
            var previous = _tails.GetValueOrDefault(chat) ?? Task.CompletedTask;
            _tails[chat] = previous.ContinueWith(_ => RunOneAsync(update, ct), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
        }
    }

    /// <summary>Waits for queued webhook work (graceful shutdown, tests).</summary>
    public Task DrainAsync() => Task.WhenAll(_tails.Values);

    /// <summary>Cancels the work in hand: the host's shutdown timeout ran out.</summary>
    public void Abort()
    {
        try { _abort.Cancel(); } catch (ObjectDisposedException) { }
    }

    public void Dispose() => _abort.Dispose();

    private async Task RunOneAsync(Update update, CancellationToken ct)
    {
        if (!_inFlight.TryAdd(update.UpdateId, 0)) return;
        try
        {
            if (await handled.IsHandledAsync(update.UpdateId, ct)) return;
            await bot.HandleAsync(update, ct);
            // The answer is out: recording it must not be skipped, or a restart would send it again.
            await handled.MarkAsync(update.UpdateId, CancellationToken.None);
        }
        catch (TelegramApiException ex) when (ex.ErrorCode == 401)
        {
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Update {Update} could not be handled", update.UpdateId);
        }
        finally
        {
            _inFlight.TryRemove(update.UpdateId, out _);
        }
    }
}
