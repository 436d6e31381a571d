namespace TalksBot.Discord.Types;

/// <summary>Discord: Application Command Option, as registered (a subcommand holds options of its own).</summary>
public sealed record ApplicationCommandOption(ApplicationCommandOptionType Type, string Name, string Description, bool? Required = null, List<ApplicationCommandOption>? Options = null);
