using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TalksBot.Composition;
using TalksBot.Health;
using TalksBot.Scheduling;

namespace TalksBot.Commands;

/// <summary>`run`: the bot itself — every configured platform, the refresh schedule, /healthz and /readyz in one host.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var run = new Command("run", "Run the bot: Telegram and/or Discord as configured, scheduled refresh, /healthz and /readyz. Takes host configuration such as --urls http://+:8080.");
        run.SetAction((parse, ct) => CommandErrors.RunAsync(() => RunAsync(ct)));
        return run;
    }

    private static async Task<int> RunAsync(CancellationToken ct)
    {
        var builder = TalksBotHost.CreateWebBuilder(TalksBotHost.ConfigurationArgs);
        var platforms = PlatformComposition.ConfiguredPlatforms(builder.Configuration);
        if (platforms.Count == 0)
        {
            return CommandErrors.Fail(ExitCodes.BadUsage,
                "no chat platform is configured. Set Telegram:BotToken (env Telegram__BotToken) for Telegram, " +
                "and/or Discord:BotToken (gateway) or Discord:PublicKey with Discord:ApplicationId (HTTP interactions) for Discord.");
        }
        builder.Services.AddTalksBotHealth(builder.Configuration, platforms);
        builder.Services.AddHostedService<ScheduledRefreshService>();
        builder.Services.AddOptions<ListenUrlsOptions>().Bind(builder.Configuration).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ListenUrlsOptions>, ListenUrlsValidator>();
        var app = builder.Build();
        // Every setting checked before anything starts: a bad one is one line and exit 2, not a half-started host.
        app.Services.GetService<IStartupValidator>()?.Validate();
        app.MapTalksBotHealth();
        TelemetryComposition.MapTalksBotMetrics(app);
        PlatformComposition.MapEndpoints(app);
        StartupSummary.Log(app.Services, platforms);
        var watch = app.Services.GetRequiredService<PlatformFailureWatch>();
        try
        {
            await app.RunAsync(ct);
        }
        catch (OperationCanceledException) when (watch.StoppedPlatform is not null)
        {
            // Stopped while still starting: the platform failed before every service was up.
        }
        if (watch.StoppedPlatform is { } stopped)
        {
            return CommandErrors.Fail(ExitCodes.PlatformStopped, $"{stopped.Platform} stopped for good ({stopped.Reason}); exiting so the supervisor restarts the bot.");
        }
        return ExitCodes.Ok;
    }
}
