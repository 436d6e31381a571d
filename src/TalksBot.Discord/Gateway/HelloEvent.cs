namespace TalksBot.Discord.Gateway;

/// <summary>Discord: Hello (op 10) — how often to send heartbeats, in milliseconds.</summary>
public sealed record HelloEvent(double HeartbeatInterval);
