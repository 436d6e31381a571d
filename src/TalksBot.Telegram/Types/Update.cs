namespace TalksBot.Telegram.Types;

/// <summary>Bot API: Update. TalksBot asks only for messages.</summary>
public sealed class Update
{
    public long UpdateId { get; set; }
    public Message? Message { get; set; }
}
