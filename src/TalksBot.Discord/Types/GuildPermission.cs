namespace TalksBot.Discord.Types;

/// <summary>Discord: Permissions bits TalksBot checks (Discord.Net: GuildPermission). Discord sends them as a decimal string.</summary>
[Flags]
public enum GuildPermission : ulong
{
    None = 0,
    Administrator = 1 << 3,
    ManageGuild = 1 << 5,
}
