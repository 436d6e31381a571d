namespace TalksBot.Discord.Types;

/// <summary>Discord: Message Reference, to reply to a message.</summary>
public sealed record MessageReference(string MessageId, bool FailIfNotExists = false);
