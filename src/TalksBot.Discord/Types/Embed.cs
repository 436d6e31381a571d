namespace TalksBot.Discord.Types;

/// <summary>Discord: Embed (title ≤ 256, description ≤ 4096, ≤ 25 fields, 6000 characters in all).</summary>
public sealed record Embed
{
    public EmbedAuthor? Author { get; init; }
    public string? Title { get; init; }
    public string? Description { get; init; }
    public List<EmbedField>? Fields { get; init; }
    public EmbedFooter? Footer { get; init; }
    public int? Color { get; init; }
}
