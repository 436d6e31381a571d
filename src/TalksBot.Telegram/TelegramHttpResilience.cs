using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace TalksBot.Telegram;

/// <summary>
/// The Bot API client's retries, as a resilience pipeline on its HttpClient: a 429 waits the retry_after Telegram
/// puts in the JSON body (parameters.retry_after, not a header) and moves the chat's next turn in
/// <see cref="FloodControl"/> past it; a 5xx, a network error or an attempt that times out is retried with backoff.
/// At most three retries. Every wait runs on the host's <see cref="TimeProvider"/>, so tests fake the clock.
/// </summary>
/// <remarks>
/// Long polling and the typing indicator are not retried on 5xx or network errors: the poll loop has its own backoff,
/// and a late "typing…" is worse than none. A 429 is waited out on every method.
/// Each attempt has its own timeout (the long poll's plus 20 s, on the real clock); HttpClient's own timeout is off, because it would
/// count the waits between attempts too and cut a long retry_after short.
/// </remarks>
internal static class TelegramHttpResilience
{
    public const string PipelineName = "telegram";

    private const int MaxRetries = 3;

    /// <summary>The chat a request is for, set on it by <see cref="TelegramClients"/>.</summary>
    public static readonly HttpRequestOptionsKey<long> Chat = new("TalksBot.Telegram.Chat");

    public static IHttpClientBuilder AddTelegramResilience(this IHttpClientBuilder builder)
    {
        builder.AddResilienceHandler(PipelineName, (pipeline, context) =>
        {
            var services = context.ServiceProvider;
            var settings = services.GetRequiredService<TelegramOptions>();
            var flood = services.GetRequiredService<FloodControl>();
            var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TelegramHttpResilience).FullName!);
            var chatInterval = TimeSpan.FromMilliseconds(settings.PerChatIntervalMilliseconds);
            pipeline.TimeProvider = services.GetRequiredService<TimeProvider>();
            // The retries are logged below in this adapter's words (failed attempts at Debug, 429s at Warning); the
            // caller logs a final failure once. Polly's own events would add a Warning per attempt.
            pipeline.ConfigureTelemetry(NullLoggerFactory.Instance)
                .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
                {
                    MaxRetryAttempts = MaxRetries,
                    ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, MethodOf(args.Context))),
                    DelayGenerator = async args => args.Outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests } tooMany
                        ? await RetryAfterAsync(tooMany, args.Context.CancellationToken)
                        : TimeSpan.FromMilliseconds(settings.RetryBaseMilliseconds * Math.Pow(2, args.AttemptNumber)),
                    OnRetry = args =>
                    {
                        var method = MethodOf(args.Context);
                        if (args.Outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests })
                        {
                            logger.LogSlowDown(method, args.RetryDelay.TotalSeconds);
                            // The retry takes the chat's turn when retry_after has passed; the chat's next send comes
                            // its interval after that, as if the retry had waited its turn in flood control.
                            if (args.Context.GetRequestMessage()?.Options.TryGetValue(Chat, out var chat) == true)
                                flood.Defer(chat, args.RetryDelay + chatInterval);
                        }
                        else
                        {
                            logger.LogRequestRetried(method, ReasonOf(args.Outcome), args.RetryDelay.TotalMilliseconds);
                        }
                        return ValueTask.CompletedTask;
                    },
                });
        });
        // Inside the retries, each attempt's own timeout. On the real clock, unlike the waits above: it bounds time on
        // the network, so moving a test's fake clock past it must not cut a request short, nor a frozen one let a
        // request hang for ever.
        builder.AddResilienceHandler(PipelineName + "-attempt", (pipeline, context) =>
        {
            pipeline.TimeProvider = TimeProvider.System;
            pipeline.ConfigureTelemetry(NullLoggerFactory.Instance)
                .AddTimeout(TimeSpan.FromSeconds(context.ServiceProvider.GetRequiredService<TelegramOptions>().PollTimeoutSeconds + 20));
        });
        return builder;
    }

    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, string method)
    {
        if (outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests }) return true;
        if (method is "getUpdates" or "sendChatAction") return false;
        return outcome.Exception is HttpRequestException or TimeoutRejectedException || (int?)outcome.Result?.StatusCode >= 500;
    }

    /// <summary>parameters.retry_after of a 429's body, at least a second; a second when the body has none.</summary>
    internal static async ValueTask<TimeSpan?> RetryAfterAsync(HttpResponseMessage response, CancellationToken ct)
    {
        int seconds = 1;
        try
        {
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            if (body.RootElement.ValueKind == JsonValueKind.Object
                && body.RootElement.TryGetProperty("parameters", out var parameters) && parameters.ValueKind == JsonValueKind.Object
                && parameters.TryGetProperty("retry_after", out var retryAfter) && retryAfter.ValueKind == JsonValueKind.Number && retryAfter.TryGetInt32(out var value))
                seconds = Math.Max(1, value);
        }
        catch (JsonException)
        {
            // Not the Bot API's body (a proxy's page): wait the least.
        }
        return TimeSpan.FromSeconds(seconds);
    }

    /// <summary>The Bot API method, the last segment of /bot&lt;token&gt;/&lt;method&gt;: the only part of the URL fit for a log.</summary>
    private static string MethodOf(ResilienceContext context) => context.GetRequestMessage()?.RequestUri?.Segments[^1] ?? "request";

    /// <summary>What went wrong, without the request URI (which holds the token): the status, or the failure's own message (host and port at most).</summary>
    private static string ReasonOf(Outcome<HttpResponseMessage> outcome) =>
        outcome.Result is { } response ? $"HTTP {(int)response.StatusCode}" : outcome.Exception?.Message ?? "no response";
}
