namespace TalksBot.Discord.Types;

/// <summary>Discord: Application Command Option (type 1 subcommand, 3 string).</summary>
public sealed record ApplicationCommandOption(int Type, string Name, string Description, bool? Required = null, List<ApplicationCommandOption>? Options = null);
