namespace TalksBot.Discord.Types;

/// <summary>Discord: the response of GET /gateway/bot (Discord.Net: GetBotGatewayResponse): the URL to connect to and the recommended shards.</summary>
public sealed record GetBotGatewayResponse(string Url, int Shards = 1);
