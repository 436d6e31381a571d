using TalksBot.Discord.Types;

namespace TalksBot.Discord.Gateway;

/// <summary>Discord: Ready (the READY dispatch) — the session to resume later, the bot's own user and its application.</summary>
public sealed record ReadyEvent(int V, User User, string SessionId, string ResumeGatewayUrl, Application? Application);
