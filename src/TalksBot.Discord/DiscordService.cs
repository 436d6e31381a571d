using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TalksBot.Core.Health;
using TalksBot.Discord.Gateway;

namespace TalksBot.Discord;

/// <summary>Runs the gateway when enabled; with the HTTP endpoint only, registers the commands at start.</summary>
public sealed class DiscordService(DiscordGatewayClient gateway, DiscordBot bot, DiscordOptions options, ILogger<DiscordService> logger,
    PlatformStatusBoard? status = null) : BackgroundService
{
    /// <summary>This adapter's name on the platform status board and in metrics.</summary>
    public const string Platform = "discord";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        status?.Report(Platform, PlatformState.Starting);
        if (options.GatewayEnabled)
        {
            await gateway.RunAsync(stoppingToken);
            return;
        }
        try
        {
            await bot.RegisterCommandsAsync(null, stoppingToken);
            logger.LogCommandsRegistered(options.InteractionsPath);
            status?.Report(Platform, PlatformState.Connected);
        }
        catch (DiscordApiException ex) when (ex.Status == 401)
        {
            logger.LogTokenRejected();
            status?.Report(Platform, PlatformState.Stopped, "bot token rejected (401)");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogCommandsRegistrationFailed(ex.Message);
            // The interactions endpoint still serves commands registered earlier.
            status?.Report(Platform, PlatformState.Connected, $"commands not registered: {ex.Message}");
        }
    }

    /// <summary>Closes the gateway, then lets the answers in hand finish unless the shutdown timeout runs out.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await bot.DrainAsync(cancellationToken);
    }
}
