namespace TalksBot.Telegram.Types;

/// <summary>Bot API: InlineKeyboardButton with callback_data (1–64 bytes), handed back in a CallbackQuery.</summary>
public sealed record InlineKeyboardButton(string Text, string CallbackData);
