namespace TalksBot.Discord.Types;

/// <summary>Discord: Interaction Data of an application command.</summary>
public sealed class InteractionData
{
    public string? Id { get; set; }
    public string Name { get; set; } = "";
    public List<ApplicationCommandInteractionDataOption>? Options { get; set; }
}
