namespace TalksBot.Discord.Types;

/// <summary>Discord: Application Command Type (Discord.Net: ApplicationCommandType; CHAT_INPUT is a slash command).</summary>
public enum ApplicationCommandType
{
    ChatInput = 1,
    User = 2,
    Message = 3,
}
