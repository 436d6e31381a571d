using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TalksBot.Telegram;

/// <summary>
/// Long polling (the default): deleteWebhook, then getUpdates from the first unhandled update, handling each batch
/// before asking for the next. A rejected token (401) stops the Telegram side with one log line; the host runs on.
/// </summary>
public sealed class TelegramPollingService(
    TelegramBotApi api,
    TelegramBot bot,
    UpdateDispatcher dispatcher,
    HandledUpdates handled,
    TelegramOptions options,
    TimeProvider time,
    ILogger<TelegramPollingService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = TimeSpan.FromMilliseconds(options.RetryBaseMilliseconds);
        bool started = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!started)
                {
                    await bot.StartAsync(stoppingToken);
                    await api.DeleteWebhookAsync(stoppingToken);
                    started = true;
                }
                var offset = await handled.NextOffsetAsync(stoppingToken);
                var updates = await api.GetUpdatesAsync(offset, options.PollTimeoutSeconds, stoppingToken);
                await dispatcher.RunBatchAsync(updates);
                backoff = TimeSpan.FromMilliseconds(options.RetryBaseMilliseconds);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (TelegramApiException ex) when (ex.ErrorCode == 401)
            {
                logger.LogCritical(TelegramBot.TokenRejected);
                return;
            }
            catch (Exception ex)
            {
                var reason = ex is TelegramApiException api409 && api409.ErrorCode == 409
                    ? "another instance is polling with this token, or a webhook is set (409)"
                    : ex.Message;
                logger.LogWarning("Telegram polling failed: {Reason}; retrying in {Seconds:0.0} s", reason, backoff.TotalSeconds);
                try { await Task.Delay(backoff, time, stoppingToken); } catch (OperationCanceledException) { return; }
                backoff = TimeSpan.FromSeconds(Math.Min(60, backoff.TotalSeconds * 2));
            }
        }
    }

    /// <summary>Stops asking for updates at once; the batch in hand finishes unless the shutdown timeout runs out.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        using var abort = cancellationToken.Register(dispatcher.Abort);
        await base.StopAsync(cancellationToken);
    }
}
