namespace TalksBot.Discord.Types;

/// <summary>Discord: Message Component — type 1 Action Row (holds components), type 2 Button (style 2 secondary, custom_id ≤ 100).</summary>
public sealed record Component
{
    public int Type { get; init; }
    public List<Component>? Components { get; init; }
    public int? Style { get; init; }
    public string? Label { get; init; }
    public string? CustomId { get; init; }

    public static Component ActionRow(IEnumerable<Component> components) => new() { Type = 1, Components = components.ToList() };

    public static Component Button(string label, string customId) => new() { Type = 2, Style = 2, Label = label, CustomId = customId };
}
