namespace TalksBot.Discord.Types;

/// <summary>The body of create/edit message, webhook edit and follow-up calls; allowed_mentions is always sent.</summary>
public sealed record MessagePayload
{
    public string? Content { get; init; }
    public List<Embed>? Embeds { get; init; }
    public List<Component>? Components { get; init; }
    public AllowedMentions AllowedMentions { get; init; } = AllowedMentions.None;
    public MessageReference? MessageReference { get; init; }
    public MessageFlags? Flags { get; init; }
}
