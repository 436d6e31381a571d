namespace TalksBot.Telegram.Types;

/// <summary>Bot API: MessageEntity. Offset and length count UTF-16 code units, like .NET strings.</summary>
public sealed class MessageEntity
{
    public string Type { get; set; } = "";
    public int Offset { get; set; }
    public int Length { get; set; }
    public User? User { get; set; }
}
