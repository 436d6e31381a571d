using System.ComponentModel.DataAnnotations;

namespace TalksBot.Discord;

/// <summary>Configuration section "Discord". A bot token runs the gateway; a public key serves the HTTP interactions endpoint.</summary>
public sealed class DiscordOptions : IValidatableObject
{
    public const string Section = "Discord";

    /// <summary>Never logged; prefer the environment (Discord__BotToken).</summary>
    public string? BotToken { get; set; }

    /// <summary>Needed for commands and interaction responses; read from READY when not set.</summary>
    public string? ApplicationId { get; set; }

    /// <summary>Hex Ed25519 public key of the application: turns on the HTTP interactions endpoint.</summary>
    public string? PublicKey { get; set; }

    [Url]
    public string ApiBaseUrl { get; set; } = "https://discord.com/api/v10";

    /// <summary>Connect to the gateway (needs BotToken). Default: on when a token is set.</summary>
    public bool? Gateway { get; set; }

    /// <summary>Answer messages that mention the bot, and DMs (asks for the privileged MESSAGE_CONTENT intent).</summary>
    public bool AnswerMentions { get; set; }

    public string InteractionsPath { get; set; } = "/discord/interactions";

    /// <summary>Register commands per guild (instant) instead of globally.</summary>
    public List<string> GuildIds { get; set; } = [];

    public List<string> ModeratorRoleIds { get; set; } = [];

    [Range(0, 10_000)]
    public int ShardId { get; set; }

    [Range(1, 10_000)]
    public int ShardCount { get; set; } = 1;

    [Range(1, 60_000)]
    public int ReconnectBaseMilliseconds { get; set; } = 1000;

    [Range(100, 60_000)]
    public int EditIntervalMilliseconds { get; set; } = 1500;

    [Range(500, 60_000)]
    public int TypingIntervalMilliseconds { get; set; } = 8000;

    [Range(1, 60_000)]
    public int RetryBaseMilliseconds { get; set; } = 500;

    public bool GatewayEnabled => !string.IsNullOrWhiteSpace(BotToken) && Gateway != false;

    public bool InteractionsEnabled => !string.IsNullOrWhiteSpace(PublicKey);

    public bool Enabled => GatewayEnabled || InteractionsEnabled;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (InteractionsEnabled && (PublicKey!.Length != 64 || !PublicKey.All(Uri.IsHexDigit)))
            yield return new ValidationResult("Discord:PublicKey must be the application's 64-hex-digit Ed25519 public key.", [nameof(PublicKey)]);
        if (InteractionsEnabled && string.IsNullOrWhiteSpace(BotToken))
            yield return new ValidationResult("Discord:BotToken is needed with Discord:PublicKey too (to answer interactions and register commands).", [nameof(BotToken)]);
        if (ShardId >= ShardCount) yield return new ValidationResult("Discord:ShardId must be below Discord:ShardCount.", [nameof(ShardId)]);
        if (!Enabled) yield break;
        // Ids are strings here, so a typo would bind fine and never match: a moderator role that silently isn't one.
        foreach (var (key, ids) in new[] { (nameof(GuildIds), GuildIds), (nameof(ModeratorRoleIds), ModeratorRoleIds) })
        {
            for (int i = 0; i < ids.Count; i++)
            {
                if (!ulong.TryParse(ids[i], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
                    yield return new ValidationResult($"Discord:{key}:{i}: '{ids[i]}' is not a Discord id; use the number (Developer Mode, then Copy ID).", [key]);
            }
        }
    }
}
