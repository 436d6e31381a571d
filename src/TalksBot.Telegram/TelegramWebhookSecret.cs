using System.Security.Cryptography;

namespace TalksBot.Telegram;

/// <summary>The secret Telegram echoes in X-Telegram-Bot-Api-Secret-Token: configured, or random for this process.</summary>
public sealed class TelegramWebhookSecret(TelegramOptions options)
{
    public string Value { get; } = string.IsNullOrEmpty(options.WebhookSecret)
        ? Convert.ToHexString(RandomNumberGenerator.GetBytes(32))
        : options.WebhookSecret;

    public bool Matches(string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(presented), System.Text.Encoding.UTF8.GetBytes(Value));
}
