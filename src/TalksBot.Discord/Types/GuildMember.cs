namespace TalksBot.Discord.Types;

/// <summary>Discord: Guild Member, as in interactions (permissions = the invoker's total permissions in the channel).</summary>
public sealed class GuildMember
{
    public User? User { get; set; }
    public List<string> Roles { get; set; } = [];
    public string? Permissions { get; set; }
}
