using System.Security.Cryptography;
using System.Text;

namespace TalksBot.Telegram;

/// <summary>
/// The secret Telegram echoes in X-Telegram-Bot-Api-Secret-Token: Telegram:WebhookSecret when configured, otherwise
/// HMAC-SHA256 of a fixed label keyed by the bot token. Derived rather than random so every instance behind a load
/// balancer (and every restart) agrees on it, while it reveals nothing about the token.
/// </summary>
public sealed class TelegramWebhookSecret(TelegramOptions options)
{
    private const string Label = "TalksBot Telegram webhook secret v1";

    public string Value { get; } = string.IsNullOrEmpty(options.WebhookSecret)
        ? Derive(options.BotToken ?? "")
        : options.WebhookSecret;

    public static string Derive(string botToken) =>
        Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(botToken), Encoding.UTF8.GetBytes(Label)));

    public bool Matches(string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(Value));
}
