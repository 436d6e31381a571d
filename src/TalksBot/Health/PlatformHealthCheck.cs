using Microsoft.Extensions.Diagnostics.HealthChecks;
using TalksBot.Core.Health;

namespace TalksBot.Health;

/// <summary>
/// One configured platform as its adapter last reported it. Readiness: healthy only while connected. Liveness
/// (<paramref name="liveness"/>): unhealthy only once it stopped for good, when restarting the process is the fix.
/// </summary>
internal sealed class PlatformHealthCheck(PlatformStatusBoard board, string platform, bool liveness) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = board.Get(platform);
        var state = status?.State ?? PlatformState.Starting;
        var data = new Dictionary<string, object> { ["state"] = state.ToString().ToLowerInvariant() };
        if (status is not null) data["since"] = status.Since.ToString("O");
        var description = status?.Reason is { } reason ? $"{state}: {reason}" : state.ToString();
        var healthy = liveness ? state != PlatformState.Stopped : state == PlatformState.Connected;
        return Task.FromResult(healthy
            ? HealthCheckResult.Healthy(description, data)
            : HealthCheckResult.Unhealthy(description, data: data));
    }
}
