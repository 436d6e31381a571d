namespace TalksBot.Discord;

/// <summary>
/// Discord's per-route buckets, before and after every attempt (it sits inside the retry pipeline): a request waits
/// while its bucket is exhausted or a global limit holds, and each response's X-RateLimit-* headers and 429s are
/// remembered in the process-wide <see cref="DiscordRateLimits"/>.
/// </summary>
/// <remarks>
/// Ours because Microsoft.Extensions.Http.Resilience and System.Threading.RateLimiting have nothing that learns limits
/// from responses: their limiters are configured up front, while Discord tells each bucket's remaining count and
/// reset only in its answers, and the buckets are known only by the hash it sends back.
/// </remarks>
internal sealed class DiscordRateLimitHandler(DiscordRateLimits limits) : DelegatingHandler
{
    /// <summary>The route with its major parameter ("channel:123"), set on each request by <see cref="DiscordRestClient"/>.</summary>
    public static readonly HttpRequestOptionsKey<string> Route = new("TalksBot.Discord.Route");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var route = request.Options.TryGetValue(Route, out var r) ? r : request.Method + " " + request.RequestUri?.AbsolutePath;
        await limits.WaitAsync(route, cancellationToken);
        var response = await base.SendAsync(request, cancellationToken);
        await limits.RecordAsync(route, response, cancellationToken);
        return response;
    }
}
