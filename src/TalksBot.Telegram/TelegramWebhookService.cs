using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TalksBot.Core.Health;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace TalksBot.Telegram;

/// <summary>Webhook mode: introduces the bot and registers the webhook with its secret; the host's Kestrel receives the updates.</summary>
public sealed class TelegramWebhookService(
    ITelegramBotClient api,
    TelegramBot bot,
    UpdateDispatcher dispatcher,
    TelegramWebhookSecret secret,
    TelegramOptions options,
    ILogger<TelegramWebhookService> logger,
    PlatformStatusBoard? status = null) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        status?.Report(TelegramBot.Platform, PlatformState.Starting);
        try
        {
            await bot.StartAsync(stoppingToken);
            await api.SetWebhook(options.WebhookUrl!, allowedUpdates: TelegramBot.AllowedUpdates, secretToken: secret.Value, cancellationToken: stoppingToken);
            logger.LogWebhookRegistered(options.WebhookUrl);
            status?.Report(TelegramBot.Platform, PlatformState.Connected);
            await dispatcher.ResumeAsync(stoppingToken);
        }
        catch (ApiRequestException ex) when (ex.ErrorCode == 401)
        {
            logger.LogTokenRejected();
            status?.Report(TelegramBot.Platform, PlatformState.Stopped, "bot token rejected (401)");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWebhookRegistrationFailed(ex.Message);
            // Nothing retries the registration: without it Telegram sends nothing, so this is stopped for good.
            status?.Report(TelegramBot.Platform, PlatformState.Stopped, $"webhook not registered: {ex.Message}");
        }
    }

    /// <summary>The updates in hand finish unless the shutdown timeout runs out; the rest wait in the inbox.</summary>
    public override Task StopAsync(CancellationToken cancellationToken) =>
        dispatcher.StopAsync(() => base.StopAsync(cancellationToken), cancellationToken);
}
