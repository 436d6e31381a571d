namespace TalksBot.Discord.Types;

/// <summary>Discord: Application, as far as TalksBot reads it (READY's partial application, GET /oauth2/applications/@me).</summary>
public sealed record Application(string Id);
