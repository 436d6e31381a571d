namespace TalksBot.Discord.Gateway;

/// <summary>Discord: Gateway Intents TalksBot asks for (Discord.Net: GatewayIntents).</summary>
[Flags]
public enum GatewayIntents
{
    None = 0,
    Guilds = 1 << 0,
    GuildMessages = 1 << 9,
    DirectMessages = 1 << 12,
    /// <summary>Privileged: the text of messages, needed to answer mentions and DMs.</summary>
    MessageContent = 1 << 15,
}
