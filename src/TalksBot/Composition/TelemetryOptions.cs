namespace TalksBot.Composition;

/// <summary>Configuration section "Telemetry". OTLP export is switched on by the standard OTEL_EXPORTER_OTLP_ENDPOINT instead.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>Serve the metrics for a Prometheus scraper (run only).</summary>
    public bool Prometheus { get; set; }

    public string PrometheusPath { get; set; } = "/metrics";
}
