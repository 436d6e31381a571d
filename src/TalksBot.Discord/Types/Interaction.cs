namespace TalksBot.Discord.Types;

/// <summary>Discord: Interaction (a command, a button press, a ping), from INTERACTION_CREATE or the HTTP endpoint.</summary>
public sealed class Interaction
{
    public string Id { get; set; } = "";
    public string ApplicationId { get; set; } = "";
    public InteractionType Type { get; set; }
    public InteractionData? Data { get; set; }
    public string? GuildId { get; set; }
    public string? ChannelId { get; set; }
    public GuildMember? Member { get; set; }
    public User? User { get; set; }
    public string Token { get; set; } = "";

    /// <summary>Who invoked it: the member's user in a guild, the user in a DM.</summary>
    public User? Invoker => Member?.User ?? User;
}
