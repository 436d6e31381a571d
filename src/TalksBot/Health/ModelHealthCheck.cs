using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using TalksBot.Core.Health;

namespace TalksBot.Health;

/// <summary>
/// Readiness: the language model endpoint answers. The result is kept for Host:ModelCheckSeconds, and concurrent
/// probes share one call, so an orchestrator polling /readyz every second never becomes load on the model.
/// </summary>
internal sealed class ModelHealthCheck(IModelEndpointProbe probe, IOptions<HealthOptions> options, TimeProvider time) : IHealthCheck
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (DateTimeOffset At, HealthCheckResult Result)? _last;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var ttl = TimeSpan.FromSeconds(options.Value.ModelCheckSeconds);
        if (Fresh(ttl) is { } cached) return cached;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (Fresh(ttl) is { } again) return again;
            HealthCheckResult result;
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(TimeSpan.FromSeconds(10));
                await probe.ProbeAsync(timeout.Token);
                result = HealthCheckResult.Healthy("model endpoint answers");
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                result = HealthCheckResult.Unhealthy($"model endpoint unreachable: {ex.Message}");
            }
            _last = (time.GetUtcNow(), result);
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    private HealthCheckResult? Fresh(TimeSpan ttl) =>
        _last is { } last && time.GetUtcNow() - last.At < ttl ? last.Result : null;
}
