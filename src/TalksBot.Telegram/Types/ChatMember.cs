namespace TalksBot.Telegram.Types;

/// <summary>Bot API: ChatMember; Status is creator, administrator, member, restricted, left or kicked.</summary>
public sealed class ChatMember
{
    public string Status { get; set; } = "";
    public User? User { get; set; }
}
