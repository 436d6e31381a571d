namespace TalksBot.Discord.Types;

/// <summary>Discord: User.</summary>
public sealed class User
{
    public string Id { get; set; } = "";
    public string? Username { get; set; }
    public bool? Bot { get; set; }
}
