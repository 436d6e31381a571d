using Microsoft.Extensions.Diagnostics.HealthChecks;
using TalksBot.Core.Indexing;

namespace TalksBot.Health;

/// <summary>Readiness: the index file opens and answers a status query.</summary>
internal sealed class IndexHealthCheck(IIndexStore index) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var status = await index.GetStatusAsync(cancellationToken);
            return HealthCheckResult.Healthy($"{status.Articles} articles", new Dictionary<string, object>
            {
                ["articles"] = status.Articles,
                ["passages"] = status.Passages,
                ["last_refresh"] = status.LastRefresh?.ToString("O") ?? "",
            });
        }
        catch (IndexUnavailableException ex)
        {
            return HealthCheckResult.Unhealthy(ex.Message);
        }
    }
}
