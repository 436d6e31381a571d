namespace TalksBot.Discord.Types;

/// <summary>Discord: Interaction Callback Type (Discord.Net: InteractionResponseType).</summary>
public enum InteractionResponseType
{
    Pong = 1,
    ChannelMessageWithSource = 4,
    DeferredChannelMessageWithSource = 5,
    DeferredUpdateMessage = 6,
    UpdateMessage = 7,
}
