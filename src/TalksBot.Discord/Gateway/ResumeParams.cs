namespace TalksBot.Discord.Gateway;

/// <summary>Discord: Resume (op 6) — picks up a session, replaying the events after <paramref name="Seq"/>.</summary>
public sealed record ResumeParams(string Token, string SessionId, long? Seq);
