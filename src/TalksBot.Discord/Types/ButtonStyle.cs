namespace TalksBot.Discord.Types;

/// <summary>Discord: Button Style (Discord.Net: ButtonStyle).</summary>
public enum ButtonStyle
{
    Primary = 1,
    Secondary = 2,
    Success = 3,
    Danger = 4,
    Link = 5,
}
