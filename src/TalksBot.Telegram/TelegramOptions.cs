using System.ComponentModel.DataAnnotations;

namespace TalksBot.Telegram;

/// <summary>Configuration section "Telegram". The bot runs when BotToken is set.</summary>
public sealed class TelegramOptions : IValidatableObject
{
    public const string Section = "Telegram";

    /// <summary>From @BotFather; prefer the environment (Telegram__BotToken). Never logged.</summary>
    public string? BotToken { get; set; }

    /// <summary>The public Bot API, or a self-hosted telegram-bot-api server: scheme, host and port only (Telegram.Bot drops any path).</summary>
    [Url]
    public string ApiBaseUrl { get; set; } = "https://api.telegram.org";

    /// <summary>When set, updates arrive by webhook at this public HTTPS URL (its path is served by the host); otherwise long polling.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>Checked on every webhook request (X-Telegram-Bot-Api-Secret-Token); when empty, derived from the token (HMAC) so every instance agrees.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>
    /// This instance's name among several on one shared store (Index:Provider=postgres): its inbox of received, not yet
    /// answered updates is kept under it, so a restart under the same name answers what it had taken. Default: the host name.
    /// </summary>
    public string? InstanceName { get; set; }

    public List<long> ModeratorUserIds { get; set; } = [];

    /// <summary>Chat administrators may refresh and see status in their chat.</summary>
    public bool ChatAdminsAreModerators { get; set; }

    [Range(0, 50)]
    public int PollTimeoutSeconds { get; set; } = 30;

    /// <summary>Outgoing flood control: pause between messages to one chat.</summary>
    [Range(0, 60_000)]
    public int PerChatIntervalMilliseconds { get; set; } = 1000;

    [Range(1, 1000)]
    public int PerGroupPerMinute { get; set; } = 20;

    [Range(1, 1000)]
    public int GlobalPerSecond { get; set; } = 30;

    /// <summary>An answer being written is edited in place at most this often.</summary>
    [Range(100, 60_000)]
    public int EditIntervalMilliseconds { get; set; } = 1500;

    [Range(500, 60_000)]
    public int TypingIntervalMilliseconds { get; set; } = 4000;

    /// <summary>First backoff after a 5xx or a network error (doubles, three tries).</summary>
    [Range(1, 60_000)]
    public int RetryBaseMilliseconds { get; set; } = 500;

    public bool Enabled => !string.IsNullOrWhiteSpace(BotToken);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled) yield break;
        if (!System.Text.RegularExpressions.Regex.IsMatch(BotToken!, @"^\d{1,16}:[A-Za-z0-9_-]+$"))
            yield return new ValidationResult("Telegram:BotToken does not look like a bot token (digits:letters).", [nameof(BotToken)]);
        if (!Uri.TryCreate(ApiBaseUrl, UriKind.Absolute, out var api) || api.Scheme is not ("http" or "https"))
            yield return new ValidationResult("Telegram:ApiBaseUrl must be an absolute http or https URL.", [nameof(ApiBaseUrl)]);
        else if (api.AbsolutePath != "/" || api.Query.Length > 0)
            yield return new ValidationResult("Telegram:ApiBaseUrl takes scheme, host and port only (like http://localhost:8081); a path is not supported.", [nameof(ApiBaseUrl)]);
        if (!string.IsNullOrWhiteSpace(WebhookUrl) && (!Uri.TryCreate(WebhookUrl, UriKind.Absolute, out var u) || u.Scheme != "https"))
            yield return new ValidationResult("Telegram:WebhookUrl must be an absolute https URL.", [nameof(WebhookUrl)]);
        if (!string.IsNullOrEmpty(WebhookSecret) && !System.Text.RegularExpressions.Regex.IsMatch(WebhookSecret, "^[A-Za-z0-9_-]{1,256}$"))
            yield return new ValidationResult("Telegram:WebhookSecret may hold 1–256 of A-Z, a-z, 0-9, _ and -.", [nameof(WebhookSecret)]);
    }
}
