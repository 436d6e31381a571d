using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TalksBot.Core.Health;

namespace TalksBot.Health;

/// <summary>
/// With Host:StopOnPlatformFailure, stops the host when a configured platform reports it stopped for good; `run` then
/// exits non-zero so a supervisor restarts the process. Without it the other platforms keep running and /healthz says why.
/// </summary>
public sealed partial class PlatformFailureWatch(
    PlatformStatusBoard board,
    IOptions<HealthOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<PlatformFailureWatch> logger) : IHostedService
{
    private PlatformStatus? _stopped;

    /// <summary>The platform whose failure ended the process, when one did.</summary>
    public PlatformStatus? StoppedPlatform => Volatile.Read(ref _stopped);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.StopOnPlatformFailure) return Task.CompletedTask;
        board.Changed += OnChanged;
        // A platform that failed before this service started (hosted services start in order) counts too.
        foreach (var status in board.All) OnChanged(status);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        board.Changed -= OnChanged;
        return Task.CompletedTask;
    }

    private void OnChanged(PlatformStatus status)
    {
        if (status.State != PlatformState.Stopped) return;
        if (Interlocked.CompareExchange(ref _stopped, status, null) is not null) return;
        StoppingForPlatform(logger, status.Platform, status.Reason ?? "stopped");
        lifetime.StopApplication();
    }

    [LoggerMessage(EventId = 10, EventName = "StoppingForPlatform", Level = LogLevel.Critical,
        Message = "{Platform} stopped for good ({Reason}); Host:StopOnPlatformFailure is set, so the process stops for its supervisor to restart it")]
    private static partial void StoppingForPlatform(ILogger logger, string platform, string reason);
}
