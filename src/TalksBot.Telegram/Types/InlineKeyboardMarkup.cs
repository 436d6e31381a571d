namespace TalksBot.Telegram.Types;

/// <summary>Bot API: InlineKeyboardMarkup — rows of buttons under a message.</summary>
public sealed record InlineKeyboardMarkup(List<List<InlineKeyboardButton>> InlineKeyboard);
