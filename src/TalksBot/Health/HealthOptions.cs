using System.ComponentModel.DataAnnotations;

namespace TalksBot.Health;

/// <summary>Configuration section "Host": what the health endpoints check and what a platform's permanent failure does.</summary>
public sealed class HealthOptions
{
    public const string Section = "Host";

    /// <summary>End the process (exit code 6) when a configured platform has stopped for good, so systemd or an orchestrator restarts it.</summary>
    public bool StopOnPlatformFailure { get; set; }

    /// <summary>How long a model endpoint check is reused: probes never call the model more often than this.</summary>
    [Range(5, 3600)]
    public int ModelCheckSeconds { get; set; } = 60;
}
