namespace TalksBot.Core.Chat;

/// <summary>A command as a platform lists it in its menu (Telegram setMyCommands, Discord application commands).</summary>
public sealed record ChatCommandInfo(string Name, string Description, bool ModeratorsOnly);
