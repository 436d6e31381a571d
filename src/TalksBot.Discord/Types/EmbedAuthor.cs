namespace TalksBot.Discord.Types;

/// <summary>Discord: Embed Author (name ≤ 256). Shown as plain text: no markdown, no mentions.</summary>
public sealed record EmbedAuthor(string Name);
