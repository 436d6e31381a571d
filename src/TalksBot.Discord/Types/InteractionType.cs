namespace TalksBot.Discord.Types;

/// <summary>Discord: Interaction Type (Discord.Net: InteractionType).</summary>
public enum InteractionType
{
    Ping = 1,
    ApplicationCommand = 2,
    MessageComponent = 3,
    ApplicationCommandAutocomplete = 4,
    ModalSubmit = 5,
}
