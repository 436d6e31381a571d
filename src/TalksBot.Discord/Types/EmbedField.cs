namespace TalksBot.Discord.Types;

/// <summary>Discord: Embed Field (name ≤ 256, value ≤ 1024).</summary>
public sealed record EmbedField(string Name, string Value, bool Inline = false);
