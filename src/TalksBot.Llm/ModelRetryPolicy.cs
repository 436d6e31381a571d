using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using TalksBot.Core.Answering.Llm;

namespace TalksBot.Llm;

/// <summary>
/// The model's HttpClient retries a transient failure (unreachable, 408, 429, 5xx) once, at once, or after a
/// Retry-After no longer than Llm:MaxRetryAfterSeconds (a longer one is not waited for: the answer falls back).
/// While an answer is being written the retry is taken from that answer's <see cref="RetryAllowance"/>, which the
/// answer writer shares, so the HTTP layer and the writer never both retry the same answer. The SDK's own retries are
/// off (see <see cref="LlmServiceCollectionExtensions"/>).
/// </summary>
internal static class ModelRetryPolicy
{
    public const string HttpClientName = "TalksBot.Llm";

    private static readonly AsyncLocal<RetryAllowance?> CurrentAllowance = new();

    /// <summary>The allowance of the answer whose requests are being sent on this flow, if any.</summary>
    public static RetryAllowance? Current
    {
        get => CurrentAllowance.Value;
        set => CurrentAllowance.Value = value;
    }

    public static void AddModelHttpClient(this IServiceCollection services, TimeSpan maxRetryAfter)
    {
        services.AddHttpClient(HttpClientName, client =>
            {
                // The answer's own deadline (and the SDK's network timeout) bound every request; HttpClient's 100 s
                // default would only cut a long stream short.
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            // Request logs would add four lines per model call and show the full endpoint URL, which some gateways key by query.
            .RemoveAllLoggers()
            .AddResilienceHandler("model", (pipeline, context) => pipeline
                // Retry events at Debug: the answer writer logs the failure that matters, once.
                .ConfigureTelemetry(new DebugLevelLoggerFactory(context.ServiceProvider.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>()))
                .AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = 1,
                    ShouldRetryAfterHeader = false,
                    Delay = TimeSpan.Zero,
                    UseJitter = false,
                    BackoffType = DelayBackoffType.Constant,
                    ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, maxRetryAfter)),
                    DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(RetryAfter(args.Outcome.Result) ?? TimeSpan.Zero),
                }));
    }

    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, TimeSpan maxRetryAfter)
    {
        if (outcome.Exception is OperationCanceledException) return false;
        if (!HttpClientResiliencePredicates.IsTransient(outcome)) return false;
        if (RetryAfter(outcome.Result) is { } wait && wait > maxRetryAfter) return false;
        return Current?.TryTake() ?? true;
    }

    /// <summary>Retry-After in seconds (fractions accepted, as some servers send them) or as an HTTP date.</summary>
    internal static TimeSpan? RetryAfter(HttpResponseMessage? response)
    {
        if (response is null || response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable)) return null;
        if (!response.Headers.TryGetValues("Retry-After", out var values)) return null;
        var value = values.FirstOrDefault()?.Trim();
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0) return TimeSpan.FromSeconds(seconds);
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            var wait = date - DateTimeOffset.UtcNow;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
        return null;
    }
}
