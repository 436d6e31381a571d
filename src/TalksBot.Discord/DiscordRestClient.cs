using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using TalksBot.Discord.Types;

namespace TalksBot.Discord;

/// <summary>
/// Discord REST v10: "Authorization: Bot …", a DiscordBot User-Agent, each request tagged with its route for the
/// per-route buckets. Waiting and retrying (429, 5xx, network errors) are the HttpClient's, see
/// <see cref="DiscordHttpResilience"/>. The token is sent, never logged.
/// </summary>
public sealed class DiscordRestClient(HttpClient http, DiscordOptions options)
{
    internal static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };

    public Task<GetBotGatewayResponse> GetBotGatewayAsync(CancellationToken ct) =>
        SendAsync<GetBotGatewayResponse>(HttpMethod.Get, "/gateway/bot", null, "gateway", ct);

    public async Task<string> GetApplicationIdAsync(CancellationToken ct) =>
        (await SendAsync<Application>(HttpMethod.Get, "/oauth2/applications/@me", null, "application", ct)).Id;

    public Task BulkOverwriteCommandsAsync(string applicationId, string? guildId, IReadOnlyList<ApplicationCommand> commands, CancellationToken ct) =>
        SendAsync(HttpMethod.Put, guildId is null ? $"/applications/{applicationId}/commands" : $"/applications/{applicationId}/guilds/{guildId}/commands", commands, "commands", ct);

    public Task CreateInteractionResponseAsync(string interactionId, string token, InteractionResponse response, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, $"/interactions/{interactionId}/{token}/callback", response, "interaction-callback", ct);

    /// <returns>The edited message's id (Discord returns the message), or null when the response carries none.</returns>
    public async Task<string?> EditOriginalResponseAsync(string applicationId, string token, MessagePayload message, CancellationToken ct) =>
        IdIn(await SendAsync(HttpMethod.Patch, $"/webhooks/{applicationId}/{token}/messages/@original", message, $"webhook:{token}", ct));

    /// <returns>The new message's id, or null when the response carries none.</returns>
    public async Task<string?> CreateFollowupAsync(string applicationId, string token, MessagePayload message, CancellationToken ct) =>
        IdIn(await SendAsync(HttpMethod.Post, $"/webhooks/{applicationId}/{token}", message, $"webhook:{token}", ct));

    // Only the id is read: the rest of the message isn't needed, and a response without one loses nothing but replies to it.
    private static string? IdIn(JsonNode? response) =>
        response is JsonObject o && o["id"] is JsonValue v && v.TryGetValue<string>(out var id) ? id : null;

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
        using var request = new HttpRequestMessage(method, options.ApiBaseUrl.TrimEnd('/') + path);
        request.Headers.TryAddWithoutValidation("Authorization", "Bot " + options.BotToken);
        request.Options.Set(DiscordRateLimitHandler.Route, routeKey);
        if (body is not null) request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        using var response = await http.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (response.IsSuccessStatusCode) return text.Length == 0 ? null : JsonNode.Parse(text);
        JsonNode? error = null;
        try { error = text.Length > 0 ? JsonNode.Parse(text) : null; } catch (JsonException) { }
        var code = error is JsonObject ? error["code"]?.GetValue<int>() : null;
        var message = error is JsonObject ? error["message"]?.GetValue<string>() : null;
        throw new DiscordApiException(routeKey.Split(':')[0], (int)response.StatusCode, code, message ?? response.ReasonPhrase ?? "");
    }
}
