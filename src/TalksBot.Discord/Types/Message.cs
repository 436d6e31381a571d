namespace TalksBot.Discord.Types;

/// <summary>Discord: Message (the fields TalksBot reads from MESSAGE_CREATE).</summary>
public sealed class Message
{
    public string Id { get; set; } = "";
    public string ChannelId { get; set; } = "";
    public string? GuildId { get; set; }
    public User? Author { get; set; }
    public string? Content { get; set; }
    public List<User>? Mentions { get; set; }

    /// <summary>The message this one replies to (present on replies; null when it was deleted).</summary>
    public Message? ReferencedMessage { get; set; }
}
