namespace TalksBot.Telegram.Types;

/// <summary>Bot API: Chat. Type is private, group, supergroup or channel.</summary>
public sealed class Chat
{
    public long Id { get; set; }
    public string? Type { get; set; }
    public string? Title { get; set; }
    public string? Username { get; set; }

    public bool IsPrivate => Type == "private";
}
