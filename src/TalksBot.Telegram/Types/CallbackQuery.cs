namespace TalksBot.Telegram.Types;

/// <summary>Bot API: CallbackQuery — a press of an inline keyboard button. Message is absent for inline-mode messages.</summary>
public sealed class CallbackQuery
{
    public string Id { get; set; } = "";
    public User From { get; set; } = new();
    public Message? Message { get; set; }
    public string? InlineMessageId { get; set; }
    public string? ChatInstance { get; set; }
    public string? Data { get; set; }
}
