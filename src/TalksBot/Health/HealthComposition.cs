using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using TalksBot.Core.Health;

namespace TalksBot.Health;

/// <summary>
/// /healthz (liveness: is restarting this process the fix?) and /readyz (readiness: is every part serving now?), one
/// check per part: the index, each configured platform, the model endpoint when one is configured. 503 when any fails.
/// </summary>
public static class HealthComposition
{
    private const string Live = "live", Ready = "ready";

    public static IServiceCollection AddTalksBotHealth(this IServiceCollection services, IConfiguration configuration, IReadOnlyList<string> platforms)
    {
        var checks = services.AddHealthChecks()
            .AddCheck<IndexHealthCheck>("index", tags: [Ready]);
        foreach (var platform in platforms)
        {
            var name = platform.ToLowerInvariant();
            checks.Add(new HealthCheckRegistration(name, sp => new PlatformHealthCheck(sp.GetRequiredService<PlatformStatusBoard>(), name, liveness: false), null, [Ready]));
            checks.Add(new HealthCheckRegistration($"{name}-alive", sp => new PlatformHealthCheck(sp.GetRequiredService<PlatformStatusBoard>(), name, liveness: true), null, [Live]));
        }
        // Registered only when the model adapter provides a probe (Llm:Endpoint set).
        services.AddSingleton<ModelHealthCheck>();
        checks.Add(new HealthCheckRegistration("model", sp => sp.GetService<IModelEndpointProbe>() is null
            ? new NotConfiguredCheck()
            : sp.GetRequiredService<ModelHealthCheck>(), null, [Ready]));
        services.AddSingleton<PlatformFailureWatch>();
        services.AddHostedService(sp => sp.GetRequiredService<PlatformFailureWatch>());
        return services;
    }

    public static IEndpointRouteBuilder MapTalksBotHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = r => r.Tags.Contains(Live), ResponseWriter = WriteAsync });
        endpoints.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = r => r.Tags.Contains(Ready), ResponseWriter = WriteAsync });
        return endpoints;
    }

    /// <summary>{"status":"unhealthy","checks":{"telegram":{"status":"unhealthy","description":"Stopped: bot token rejected (401)",…}}}</summary>
    private static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        var body = new Dictionary<string, object?>
        {
            ["status"] = report.Status.ToString().ToLowerInvariant(),
            ["failing"] = report.Entries.Where(e => e.Value.Status == HealthStatus.Unhealthy).Select(e => e.Key).ToList(),
            ["checks"] = report.Entries.ToDictionary(e => e.Key, e => (object)new Dictionary<string, object?>
            {
                ["status"] = e.Value.Status.ToString().ToLowerInvariant(),
                ["description"] = e.Value.Description,
                ["data"] = e.Value.Data.Count == 0 ? null : e.Value.Data,
            }),
        };
        return JsonSerializer.SerializeAsync(http.Response.Body, body, cancellationToken: http.RequestAborted);
    }

    private sealed class NotConfiguredCheck : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(HealthCheckResult.Healthy("no model configured (extractive answers)"));
    }
}
