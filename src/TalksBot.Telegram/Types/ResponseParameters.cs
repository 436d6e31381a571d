namespace TalksBot.Telegram.Types;

/// <summary>Bot API: ResponseParameters of an error (retry_after on 429, migrate_to_chat_id on group upgrades).</summary>
public sealed class ResponseParameters
{
    public int? RetryAfter { get; set; }
    public long? MigrateToChatId { get; set; }
}
