namespace TalksBot.Telegram.Types;

/// <summary>Bot API: BotCommand, for setMyCommands.</summary>
public sealed record BotCommand(string Command, string Description);
