using System.Globalization;

namespace TalksBot.Discord.Interactions;

/// <summary>
/// Discord's X-Signature-Timestamp (Unix seconds) must be near now: a signed request captured once can't be replayed
/// later. Five minutes either way allows for clock skew and slow delivery.
/// </summary>
public static class InteractionTimestamp
{
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    public static bool IsFresh(string? timestamp, DateTimeOffset now)
    {
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)) return false;
        if (seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds()) return false;
        var at = DateTimeOffset.FromUnixTimeSeconds(seconds);
        return at > now - Tolerance && at < now + Tolerance;
    }
}
