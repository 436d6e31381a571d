namespace TalksBot.Discord.Types;

/// <summary>Discord: Message Flags (the ones TalksBot sets; Discord.Net: MessageFlags).</summary>
[Flags]
public enum MessageFlags
{
    None = 0,
    SuppressEmbeds = 1 << 2,
    /// <summary>Only the user who invoked the interaction sees the message.</summary>
    Ephemeral = 1 << 6,
}
