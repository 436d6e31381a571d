using System.Text.Json;

namespace TalksBot.Discord.Types;

/// <summary>Discord: Application Command Interaction Data Option (value is a string, number or boolean; options for subcommands).</summary>
public sealed class ApplicationCommandInteractionDataOption
{
    public string Name { get; set; } = "";
    public ApplicationCommandOptionType Type { get; set; }
    public JsonElement? Value { get; set; }
    public List<ApplicationCommandInteractionDataOption>? Options { get; set; }

    public string? StringValue => Value is { ValueKind: JsonValueKind.String } v ? v.GetString() : Value?.ToString();
}
