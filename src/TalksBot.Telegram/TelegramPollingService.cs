using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TalksBot.Core.Health;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace TalksBot.Telegram;

/// <summary>
/// Long polling (the default): deleteWebhook, then getUpdates from the first update not yet received. Each batch is
/// stored and queued, and the next poll starts at once, so a long answer in one chat never delays another chat's
/// question. A rejected token (401) stops the Telegram side with one log line; the host runs on.
/// </summary>
public sealed class TelegramPollingService(
    ITelegramBotClient api,
    TelegramBot bot,
    UpdateDispatcher dispatcher,
    UpdateLedger ledger,
    TelegramOptions options,
    TimeProvider time,
    ILogger<TelegramPollingService> logger,
    PlatformStatusBoard? status = null) : BackgroundService
{
    // Received but unanswered updates kept at most; beyond it polling waits, so a flood can't exhaust memory.
    private const int MaxWaiting = 1000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.FromMilliseconds(options.RetryBaseMilliseconds);
        bool started = false, resumed = false;
        status?.Report(TelegramBot.Platform, PlatformState.Starting);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!started)
                {
                    await bot.StartAsync(stoppingToken);
                    await api.DeleteWebhook(cancellationToken: stoppingToken);
                    started = true;
                }
                if (!resumed)
                {
                    // Reads the state store: when that fails, only this is retried, not the introduction to Telegram.
                    await dispatcher.ResumeAsync(stoppingToken);
                    resumed = true;
                }
                while (true)
                {
                    var answered = dispatcher.NextAnsweredAsync();
                    if (dispatcher.Waiting < MaxWaiting) break;
                    await answered.WaitAsync(stoppingToken);
                }
                var offset = await ledger.NextOffsetAsync(stoppingToken);
                // Telegram's update ids are 31-bit: the offset always fits.
                var updates = await api.GetUpdates((int)offset, timeout: options.PollTimeoutSeconds, allowedUpdates: TelegramBot.AllowedUpdates, cancellationToken: stoppingToken);
                await dispatcher.AcceptBatchAsync(updates, stoppingToken);
                status?.Report(TelegramBot.Platform, PlatformState.Connected);
                backoff = TimeSpan.FromMilliseconds(options.RetryBaseMilliseconds);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (ApiRequestException ex) when (ex.ErrorCode == 401)
            {
                logger.LogTokenRejected();
                status?.Report(TelegramBot.Platform, PlatformState.Stopped, "bot token rejected (401)");
                return;
            }
            catch (Exception ex)
            {
                var reason = ex is ApiRequestException { ErrorCode: 409 }
                    ? "another instance is polling with this token, or a webhook is set (409)"
                    : ex.Message;
                logger.LogPollingFailed(reason, backoff.TotalSeconds);
                status?.Report(TelegramBot.Platform, PlatformState.Retrying, reason);
                try { await Task.Delay(backoff, time, stoppingToken); } catch (OperationCanceledException) { return; }
                backoff = TimeSpan.FromSeconds(Math.Min(60, backoff.TotalSeconds * 2));
            }
        }
    }

    /// <summary>Stops polling at once; the updates in hand finish unless the shutdown timeout runs out, the rest wait in the inbox.</summary>
    public override Task StopAsync(CancellationToken cancellationToken) =>
        dispatcher.StopAsync(() => base.StopAsync(cancellationToken), cancellationToken);
}
