namespace TalksBot.Discord.Gateway;

/// <summary>Discord: Identify (op 2) — starts a new session. The token is sent, never logged.</summary>
public sealed record IdentifyParams(string Token, GatewayIntents Intents, IdentifyConnectionProperties Properties, int[] Shard);
