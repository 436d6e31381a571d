namespace TalksBot.Core.Conversations;

/// <summary>
/// Events per key counted where every instance sees them, so N instances don't give a user N times the limit: questions
/// per user, and Telegram's sends per chat and overall. Without one, <see cref="UserRateLimiter"/> (and Telegram's
/// flood control) count in the process.
/// </summary>
public interface IRateLimitStore
{
    /// <summary>
    /// Counts a question at <paramref name="now"/> when the user asked fewer than <paramref name="limit"/> in the
    /// <paramref name="window"/> before it, atomically across instances.
    /// </summary>
    /// <returns>Null when counted; otherwise how long until the user may ask again.</returns>
    Task<TimeSpan?> TryAcquireAsync(string userKey, int limit, TimeSpan window, DateTimeOffset now, CancellationToken cancellationToken);
}
