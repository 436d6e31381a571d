namespace TalksBot.Discord.Gateway;

/// <summary>Discord: Identify Connection Properties.</summary>
public sealed record IdentifyConnectionProperties(string Os, string Browser, string Device);
