namespace TalksBot.Discord.Types;

/// <summary>Discord: Embed Footer (text ≤ 2048).</summary>
public sealed record EmbedFooter(string Text);
