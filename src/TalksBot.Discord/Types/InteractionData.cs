namespace TalksBot.Discord.Types;

/// <summary>Discord: Interaction Data — of an application command (id, name, type, options) or of a component (custom_id, component_type).</summary>
public sealed class InteractionData
{
    public string? Id { get; set; }
    public string Name { get; set; } = "";
    public ApplicationCommandType? Type { get; set; }
    public List<ApplicationCommandInteractionDataOption>? Options { get; set; }
    public string? CustomId { get; set; }
    public ComponentType? ComponentType { get; set; }
}
