using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using TalksBot.Discord.Types;

namespace TalksBot.Discord;

/// <summary>
/// Discord REST v10: "Authorization: Bot …", a DiscordBot User-Agent, per-route buckets from the X-RateLimit-*
/// headers (a bucket at 0 waits its Reset-After), 429 retry_after honoured (bucket or global), 5xx retried with
/// backoff. The token is sent, never logged.
/// </summary>
public sealed class DiscordRestClient(HttpClient http, DiscordOptions options, TimeProvider time, ILogger<DiscordRestClient> logger)
{
    internal static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };

    private const int Attempts = 4;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _routeResets = new();
    private DateTimeOffset _globalReset = DateTimeOffset.MinValue;

    public Task<GetBotGatewayResponse> GetBotGatewayAsync(CancellationToken ct) =>
        SendAsync<GetBotGatewayResponse>(HttpMethod.Get, "/gateway/bot", null, "gateway", ct);

    public async Task<string> GetApplicationIdAsync(CancellationToken ct) =>
        (await SendAsync<Application>(HttpMethod.Get, "/oauth2/applications/@me", null, "application", ct)).Id;

    public Task BulkOverwriteCommandsAsync(string applicationId, string? guildId, IReadOnlyList<ApplicationCommand> commands, CancellationToken ct) =>
        SendAsync(HttpMethod.Put, guildId is null ? $"/applications/{applicationId}/commands" : $"/applications/{applicationId}/guilds/{guildId}/commands", commands, "commands", ct);

    public Task CreateInteractionResponseAsync(string interactionId, string token, InteractionResponse response, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, $"/interactions/{interactionId}/{token}/callback", response, "interaction-callback", ct);

    public Task EditOriginalResponseAsync(string applicationId, string token, MessagePayload message, CancellationToken ct) =>
        SendAsync(HttpMethod.Patch, $"/webhooks/{applicationId}/{token}/messages/@original", message, $"webhook:{token}", ct);

    public Task CreateFollowupAsync(string applicationId, string token, MessagePayload message, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, $"/webhooks/{applicationId}/{token}", message, $"webhook:{token}", ct);

    /// <returns>The new message's id.</returns>
    public async Task<string> CreateMessageAsync(string channelId, MessagePayload message, CancellationToken ct) =>
        (await SendAsync<Message>(HttpMethod.Post, $"/channels/{channelId}/messages", message, $"channel:{channelId}", ct)).Id;

    public Task EditMessageAsync(string channelId, string messageId, MessagePayload message, CancellationToken ct) =>
        SendAsync(HttpMethod.Patch, $"/channels/{channelId}/messages/{messageId}", message, $"channel:{channelId}", ct);

    public Task TriggerTypingAsync(string channelId, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, $"/channels/{channelId}/typing", null, $"typing:{channelId}", ct);

    private async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, string routeKey, CancellationToken ct)
    {
        var node = await SendAsync(method, path, body, routeKey, ct);
        try
        {
            return node.Deserialize<T>(Json) ?? throw new JsonException("empty response");
        }
        catch (JsonException ex)
        {
            throw new DiscordApiException(routeKey.Split(':')[0], 200, null, $"unreadable response ({ex.Message})");
        }
    }

    /// <param name="routeKey">The route with its top-level resource, the unit Discord's buckets are keyed by.</param>
    private async Task<JsonNode?> SendAsync(HttpMethod method, string path, object? body, string routeKey, CancellationToken ct)
    {
        var backoff = TimeSpan.FromMilliseconds(options.RetryBaseMilliseconds);
        for (int attempt = 1; ; attempt++)
        {
            await WaitForBucketAsync(routeKey, ct);
            using var request = new HttpRequestMessage(method, options.ApiBaseUrl.TrimEnd('/') + path);
            request.Headers.TryAddWithoutValidation("Authorization", "Bot " + options.BotToken);
            if (body is not null) request.Content = JsonContent.Create(body, body.GetType(), options: Json);
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, ct);
            }
            catch (HttpRequestException ex) when (attempt < Attempts)
            {
                // Debug: if the last attempt fails too, the caller logs that once.
                logger.LogRequestRetried(routeKey.Split(':')[0], ex.HttpRequestError);
                await Task.Delay(backoff, time, ct);
                backoff *= 2;
                continue;
            }
            using (response)
            {
                RememberBucket(routeKey, response);
                var text = await response.Content.ReadAsStringAsync(ct);
                if (response.IsSuccessStatusCode) return text.Length == 0 ? null : JsonNode.Parse(text);
                int status = (int)response.StatusCode;
                JsonNode? error = null;
                try { error = text.Length > 0 ? JsonNode.Parse(text) : null; } catch (JsonException) { }
                if (status == 429 && attempt < Attempts)
                {
                    var wait = TimeSpan.FromSeconds(error?["retry_after"]?.GetValue<double>() ?? 1);
                    if (error?["global"]?.GetValue<bool>() == true) _globalReset = time.GetUtcNow() + wait;
                    else _routeResets[routeKey] = time.GetUtcNow() + wait;
                    logger.LogRateLimited(routeKey.Split(':')[0], wait.TotalSeconds);
                    continue;
                }
                if (status >= 500 && attempt < Attempts)
                {
                    await Task.Delay(backoff, time, ct);
                    backoff *= 2;
                    continue;
                }
                throw new DiscordApiException(routeKey.Split(':')[0], status, error?["code"]?.GetValue<int>(), error?["message"]?.GetValue<string>() ?? response.ReasonPhrase ?? "");
            }
        }
    }

    private async Task WaitForBucketAsync(string routeKey, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var until = _globalReset > now ? _globalReset : now;
        if (_routeResets.TryGetValue(routeKey, out var reset) && reset > until) until = reset;
        if (until > now) await Task.Delay(until - now, time, ct);
    }

    private void RememberBucket(string routeKey, HttpResponseMessage response)
    {
        if (response.Headers.TryGetValues("X-RateLimit-Remaining", out var remaining) && remaining.FirstOrDefault() == "0"
            && response.Headers.TryGetValues("X-RateLimit-Reset-After", out var after)
            && double.TryParse(after.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            _routeResets[routeKey] = time.GetUtcNow() + TimeSpan.FromSeconds(seconds);
        }
    }
}
