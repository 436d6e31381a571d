namespace TalksBot.Discord.Types;

/// <summary>Discord: Interaction Data — of an application command (id, name, options) or of a component (custom_id, component_type).</summary>
public sealed class InteractionData
{
    public string? Id { get; set; }
    public string Name { get; set; } = "";
    public List<ApplicationCommandInteractionDataOption>? Options { get; set; }
    public string? CustomId { get; set; }
    public int? ComponentType { get; set; }
}
