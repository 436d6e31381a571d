namespace TalksBot.Discord.Types;

/// <summary>Discord: Message Component — an Action Row (holds components) or a Button (custom_id ≤ 100).</summary>
public sealed record Component
{
    public ComponentType Type { get; init; }
    public List<Component>? Components { get; init; }
    public ButtonStyle? Style { get; init; }
    public string? Label { get; init; }
    public string? CustomId { get; init; }

    public static Component ActionRow(IEnumerable<Component> components) => new() { Type = ComponentType.ActionRow, Components = components.ToList() };

    public static Component Button(string label, string customId) => new() { Type = ComponentType.Button, Style = ButtonStyle.Secondary, Label = label, CustomId = customId };
}
