using TalksBot.Core.Chat;

namespace TalksBot.Core.Feedback;

/// <summary>
/// The 👍/👎 buttons under an answer and the data they carry ("fb:up:{id}"): short enough for Telegram's 64-byte
/// callback_data and Discord's 100-character custom_id, and read back the same way on both.
/// </summary>
public static class FeedbackButtons
{
    private const string Prefix = "fb:";

    public static IReadOnlyList<ChatButton> For(string answerId) =>
        [new("👍", $"{Prefix}up:{answerId}"), new("👎", $"{Prefix}down:{answerId}")];

    /// <summary>A new answer id: random, 16 hex digits, so ids can't be guessed from one another.</summary>
    public static string NewAnswerId() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8));

    public static bool TryParse(string? data, out string answerId, out Vote vote)
    {
        answerId = "";
        vote = default;
        if (data is null || !data.StartsWith(Prefix, StringComparison.Ordinal)) return false;
        var parts = data[Prefix.Length..].Split(':');
        if (parts is not [var verdict, var id] || id.Length is 0 or > 40 || !id.All(char.IsAsciiLetterOrDigit)) return false;
        vote = verdict switch { "up" => Vote.Up, "down" => Vote.Down, _ => 0 };
        if (vote == 0) return false;
        answerId = id;
        return true;
    }
}
