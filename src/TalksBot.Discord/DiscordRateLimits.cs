using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;

namespace TalksBot.Discord;

/// <summary>
/// What Discord has said about its rate limits, for the whole process: per bucket, when an exhausted one resets
/// (X-RateLimit-Remaining 0 with X-RateLimit-Reset-After, or a 429), and when a global 429 ends. Routes that Discord
/// puts in one bucket (X-RateLimit-Bucket) share it, per major parameter (the channel, the webhook).
/// </summary>
internal sealed class DiscordRateLimits(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, string> _bucketOfRoute = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> _resets = new();
    private DateTimeOffset _globalReset = DateTimeOffset.MinValue;

    /// <summary>Returns when a request on <paramref name="route"/> may go: its bucket and the global limit both reset.</summary>
    public async Task WaitAsync(string route, CancellationToken ct)
    {
        // A 429 on another request may move the reset while this waits: wait again until it holds.
        for (var wait = Until(route); wait > TimeSpan.Zero; wait = Until(route)) await Task.Delay(wait, time, ct);
    }

    /// <summary>Remembers the bucket, an exhausted bucket's reset, and a 429's wait (the route's, or everyone's when global).</summary>
    public async Task RecordAsync(string route, HttpResponseMessage response, CancellationToken ct)
    {
        if (Header(response, "X-RateLimit-Bucket") is { Length: > 0 } bucket) _bucketOfRoute[route] = bucket;
        var now = time.GetUtcNow();
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            var (wait, global) = await RetryAfterAsync(response, ct);
            if (global) lock (_resets) { if (_globalReset < now + wait) _globalReset = now + wait; }
            else Push(KeyOf(route), now + wait);
        }
        else if (Header(response, "X-RateLimit-Remaining") == "0" && Seconds(Header(response, "X-RateLimit-Reset-After")) is { } resetAfter)
        {
            Push(KeyOf(route), now + resetAfter);
        }
    }

    /// <summary>
    /// How long a 429 asks to wait, and whether it is global: retry_after and global from the JSON body (to the
    /// millisecond), else the Retry-After and X-RateLimit-Global headers (a 429 from Discord's proxy has no JSON), else a second.
    /// </summary>
    public static async Task<(TimeSpan Wait, bool Global)> RetryAfterAsync(HttpResponseMessage response, CancellationToken ct)
    {
        TimeSpan? wait = null;
        bool global = string.Equals(Header(response, "X-RateLimit-Global"), "true", StringComparison.OrdinalIgnoreCase);
        try
        {
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            if (body.RootElement.ValueKind == JsonValueKind.Object)
            {
                if (body.RootElement.TryGetProperty("retry_after", out var retryAfter) && retryAfter.ValueKind == JsonValueKind.Number && retryAfter.TryGetDouble(out var value) && value >= 0) wait = TimeSpan.FromSeconds(value);
                if (body.RootElement.TryGetProperty("global", out var isGlobal) && isGlobal.ValueKind == JsonValueKind.True) global = true;
            }
        }
        catch (JsonException)
        {
            // Not JSON: the headers say it.
        }
        return (wait ?? Seconds(Header(response, "Retry-After")) ?? TimeSpan.FromSeconds(1), global);
    }

    private TimeSpan Until(string route)
    {
        var now = time.GetUtcNow();
        DateTimeOffset until;
        lock (_resets) until = _globalReset;
        if (_resets.TryGetValue(KeyOf(route), out var reset) && reset > until) until = reset;
        return until - now;
    }

    /// <summary>The bucket Discord named for this route, with the route's major parameter; the route itself until Discord names one.</summary>
    private string KeyOf(string route) =>
        _bucketOfRoute.TryGetValue(route, out var bucket) ? bucket + "|" + (route.IndexOf(':') is var colon and >= 0 ? route[(colon + 1)..] : "") : route;

    private void Push(string key, DateTimeOffset reset) => _resets.AddOrUpdate(key, reset, (_, current) => current > reset ? current : reset);

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault()?.Trim() : null;

    private static TimeSpan? Seconds(string? value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0 ? TimeSpan.FromSeconds(seconds) : null;
}
