using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using TalksBot.Telegram.Types;

namespace TalksBot.Telegram;

/// <summary>
/// Runs updates: different chats at once, one chat in order; each update is recorded as handled only after it was,
/// and an update already handled (a redelivery after a restart, a webhook retry) is skipped.
/// </summary>
public sealed class UpdateDispatcher(TelegramBot bot, HandledUpdates handled, ILogger<UpdateDispatcher> logger)
{
    private readonly ConcurrentDictionary<long, Task> _tails = new();
    private readonly ConcurrentDictionary<long, byte> _inFlight = new();
    private readonly object _lock = new();

    /// <summary>Long polling: one batch, then everything through its last id is confirmed.</summary>
    public async Task RunBatchAsync(IReadOnlyList<Update> updates, CancellationToken ct)
    {
        if (updates.Count == 0) return;
        var chats = updates.OrderBy(u => u.UpdateId).GroupBy(u => u.Message?.Chat.Id ?? 0);
        await Task.WhenAll(chats.Select(async chat =>
        {
            foreach (var update in chat) await RunOneAsync(update, ct);
        }));
        await handled.ConfirmThroughAsync(updates.Max(u => u.UpdateId), ct);
    }

    /// <summary>Webhook: queue behind earlier updates of the same chat and return at once.</summary>
    public void Enqueue(Update update, CancellationToken ct)
    {
        var chat = update.Message?.Chat.Id ?? 0;
        lock (_lock)
        {
            var previous = _tails.GetValueOrDefault(chat) ?? Task.CompletedTask;
            _tails[chat] = previous.ContinueWith(_ => RunOneAsync(update, ct), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
        }
    }

    /// <summary>Waits for queued webhook work (graceful shutdown, tests).</summary>
    public Task DrainAsync() => Task.WhenAll(_tails.Values);

    private async Task RunOneAsync(Update update, CancellationToken ct)
    {
        if (!_inFlight.TryAdd(update.UpdateId, 0)) return;
        try
        {
            if (await handled.IsHandledAsync(update.UpdateId, ct)) return;
            await bot.HandleAsync(update, ct);
            await handled.MarkAsync(update.UpdateId, ct);
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
