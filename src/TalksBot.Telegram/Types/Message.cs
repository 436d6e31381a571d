namespace TalksBot.Telegram.Types;

/// <summary>Bot API: Message (the fields TalksBot reads).</summary>
public sealed class Message
{
    public long MessageId { get; set; }
    public User? From { get; set; }
    public Chat? SenderChat { get; set; }
    public Chat Chat { get; set; } = new();
    public long Date { get; set; }
    public string? Text { get; set; }
    public List<MessageEntity>? Entities { get; set; }
    public Message? ReplyToMessage { get; set; }
}
