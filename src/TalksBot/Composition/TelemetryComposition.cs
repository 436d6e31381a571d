using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using TalksBot.Core.Diagnostics;

namespace TalksBot.Composition;

/// <summary>
/// Exports the TalksBot meter and activity source through OpenTelemetry: OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set
/// (the exporter reads the standard OTEL_* variables), a Prometheus scrape endpoint at /metrics with
/// Telemetry:Prometheus=true. Nothing is collected when neither is asked for.
/// </summary>
internal static class TelemetryComposition
{
    public static void AddTalksBotTelemetry(IServiceCollection services, IConfiguration configuration, bool web)
    {
        var options = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        bool otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        bool prometheus = web && options.Prometheus;
        if (!otlp && !prometheus) return;

        var telemetry = services.AddOpenTelemetry();
        telemetry.WithMetrics(metrics =>
        {
            metrics.AddMeter(TalksBotTelemetry.Name);
            if (prometheus) metrics.AddPrometheusExporter();
        });
        if (otlp)
        {
            telemetry.WithTracing(tracing => tracing.AddSource(TalksBotTelemetry.Name));
            telemetry.UseOtlpExporter();
        }
    }

    public static void MapTalksBotMetrics(WebApplication app)
    {
        var options = app.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (options.Prometheus) app.MapPrometheusScrapingEndpoint(options.PrometheusPath);
    }
}
