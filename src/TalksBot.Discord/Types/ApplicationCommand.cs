namespace TalksBot.Discord.Types;

/// <summary>Discord: Application Command (type 1 CHAT_INPUT) for a bulk overwrite.</summary>
public sealed record ApplicationCommand(string Name, string Description, List<ApplicationCommandOption>? Options = null, string? DefaultMemberPermissions = null, int Type = 1);
