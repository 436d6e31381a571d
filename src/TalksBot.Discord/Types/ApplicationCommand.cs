namespace TalksBot.Discord.Types;

/// <summary>Discord: Application Command for a bulk overwrite. Default member permissions go out as Discord's decimal string.</summary>
public sealed record ApplicationCommand(
    string Name,
    string Description,
    List<ApplicationCommandOption>? Options = null,
    string? DefaultMemberPermissions = null,
    ApplicationCommandType Type = ApplicationCommandType.ChatInput)
{
    /// <summary>The permissions as Discord writes them (a decimal string of the bit set).</summary>
    public static string PermissionString(GuildPermission permissions) => ((ulong)permissions).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
