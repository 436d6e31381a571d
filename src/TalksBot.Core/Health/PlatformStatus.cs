namespace TalksBot.Core.Health;

/// <summary>One platform's last reported state and why, as a snapshot (safe to read from a health probe on any thread).</summary>
public sealed record PlatformStatus(string Platform, PlatformState State, string? Reason, DateTimeOffset Since);
