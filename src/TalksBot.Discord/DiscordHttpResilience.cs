using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace TalksBot.Discord;

/// <summary>
/// The REST client's retries, as a resilience pipeline on its HttpClient: a 429 waits retry_after (from the body,
/// else the Retry-After header), a 5xx, a network error or an attempt that times out is retried with backoff; at most
/// three retries. Inside it, per attempt, <see cref="DiscordRateLimitHandler"/> keeps the per-route buckets. Every
/// wait runs on the host's <see cref="TimeProvider"/>, so tests fake the clock.
/// </summary>
/// <remarks>
/// Each attempt has its own 30 s timeout, on the real clock; HttpClient's own timeout is off, because it would count the waits between
/// attempts too and cut a long retry_after short.
/// </remarks>
internal static class DiscordHttpResilience
{
    public const string PipelineName = "discord";

    private const int MaxRetries = 3;
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(30);

    public static IHttpClientBuilder AddDiscordResilience(this IHttpClientBuilder builder)
    {
        builder.Services.AddSingleton(sp => new DiscordRateLimits(sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddTransient<DiscordRateLimitHandler>();
        builder.AddResilienceHandler(PipelineName, (pipeline, context) =>
        {
            var services = context.ServiceProvider;
            var options = services.GetRequiredService<DiscordOptions>();
            var logger = services.GetRequiredService<ILogger<DiscordRestClient>>();
            pipeline.TimeProvider = services.GetRequiredService<TimeProvider>();
            // The retries are logged below in this adapter's words (failed attempts at Debug, 429s at Warning); the
            // caller logs a final failure once. Polly's own events would add a Warning per attempt.
            pipeline.ConfigureTelemetry(NullLoggerFactory.Instance)
                .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
                {
                    MaxRetryAttempts = MaxRetries,
                    ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome)),
                    DelayGenerator = async args => args.Outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests } tooMany
                        ? (await DiscordRateLimits.RetryAfterAsync(tooMany, args.Context.CancellationToken)).Wait
                        : TimeSpan.FromMilliseconds(options.RetryBaseMilliseconds * Math.Pow(2, args.AttemptNumber)),
                    OnRetry = args =>
                    {
                        var route = RouteNameOf(args.Context);
                        if (args.Outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests }) logger.LogRateLimited(route, args.RetryDelay.TotalSeconds);
                        else logger.LogRequestRetried(route, ReasonOf(args.Outcome), args.RetryDelay.TotalMilliseconds);
                        return ValueTask.CompletedTask;
                    },
                });
        });
        // Added after the retries, so they run inside them, once per attempt: the attempt's own timeout, on the real
        // clock (it bounds time on the network, so moving a test's fake clock past it must not cut a request short,
        // nor a frozen one let a request hang for ever), then the buckets.
        builder.AddResilienceHandler(PipelineName + "-attempt", pipeline =>
        {
            pipeline.TimeProvider = TimeProvider.System;
            pipeline.ConfigureTelemetry(NullLoggerFactory.Instance).AddTimeout(AttemptTimeout);
        });
        builder.AddHttpMessageHandler<DiscordRateLimitHandler>();
        return builder;
    }

    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is HttpRequestException or TimeoutRejectedException
        || outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests }
        || (int?)outcome.Result?.StatusCode >= 500;

    /// <summary>The route's kind ("channel", "webhook"), never its parameters: a webhook's carries the interaction token.</summary>
    private static string RouteNameOf(ResilienceContext context) =>
        context.GetRequestMessage()?.Options.TryGetValue(DiscordRateLimitHandler.Route, out var route) == true ? route.Split(':')[0] : "request";

    private static string ReasonOf(Outcome<HttpResponseMessage> outcome) =>
        outcome.Result is { } response ? $"HTTP {(int)response.StatusCode}"
        : outcome.Exception is HttpRequestException { HttpRequestError: var error } ? error.ToString()
        : outcome.Exception?.GetType().Name ?? "no response";
}
