using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TalksBot.Testing;

namespace TalksBot.Discord.Tests;

/// <summary>
/// A loopback fake of Discord: the REST routes TalksBot uses (recorded, with scriptable 429s) and a WebSocket gateway
/// speaking the real opcodes — hello, heartbeat ACK, READY with a resume URL, numbered dispatches, resume with replay
/// of missed events, reconnect, invalid session and close codes.
/// </summary>
public sealed class FakeDiscord : IAsyncDisposable
{
    public const string BotUserId = "100000000000000001";
    public const string ApplicationId = "200000000000000002";

    private LoopbackServer _server = null!;
    private readonly List<(long Seq, JsonObject Payload)> _events = [];
    private WebSocket? _socket;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private long _seq;

    public ConcurrentQueue<(string Method, string Path, JsonNode? Body)> Calls { get; } = new();
    public ConcurrentDictionary<string, long> CallbackAt { get; } = new();
    public ConcurrentDictionary<string, long> DispatchedAt { get; } = new();
    public ConcurrentQueue<JsonObject> GatewayReceived { get; } = new();
    public ConcurrentQueue<string> Connections { get; } = new();
    public ConcurrentDictionary<string, ConcurrentQueue<double>> RateLimits { get; } = new();
    public bool AckHeartbeats { get; set; } = true;
    public int HeartbeatInterval { get; set; } = 45_000;
    public int? CloseAfterIdentify { get; set; }
    public Uri BaseAddress => _server.BaseAddress;
    public string ApiBase => new Uri(_server.BaseAddress, "api/v10").ToString();

    public static async Task<FakeDiscord> StartAsync()
    {
        var fake = new FakeDiscord();
        fake._server = await LoopbackServer.StartAsync(app =>
        {
            app.Use(async (ctx, next) =>
            {
                if (ctx.WebSockets.IsWebSocketRequest && (ctx.Request.Path.StartsWithSegments("/gateway") || ctx.Request.Path.StartsWithSegments("/resume")))
                {
                    fake.Connections.Enqueue(ctx.Request.Path + ctx.Request.QueryString);
                    await fake.RunGatewayAsync(await ctx.WebSockets.AcceptWebSocketAsync());
                    return;
                }
                await next();
            });
            app.Map("/api/v10/{**path}", fake.HandleRestAsync);
        });
        return fake;
    }

    /// <summary>REST calls answered so far (method and path), in order; a held call counts once its response is sent.</summary>
    public ConcurrentQueue<(string Method, string Path)> Answered { get; } = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _holds = new();

    /// <summary>Holds every REST response whose path contains <paramref name="pathContains"/> until the returned gate is opened.</summary>
    public TaskCompletionSource Hold(string pathContains) =>
        _holds.GetOrAdd(pathContains, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    public void LimitOnce(string pathContains, double retryAfter) => RateLimits.GetOrAdd(pathContains, _ => new()).Enqueue(retryAfter);

    private readonly ConcurrentDictionary<string, ConcurrentQueue<(int Status, string Body, (string Name, string Value)[] Headers)>> _scripted = new();

    /// <summary>
    /// The next REST call whose path contains <paramref name="pathContains"/> gets exactly this: a status, a body (JSON,
    /// or a proxy's HTML page) and headers (Retry-After, X-RateLimit-*); queued calls get theirs in order.
    /// </summary>
    public void RespondOnce(string pathContains, int status, string body, params (string Name, string Value)[] headers) =>
        _scripted.GetOrAdd(pathContains, _ => new()).Enqueue((status, body, headers));

    public IEnumerable<(string Method, string Path, JsonNode? Body)> Rest(string method, string pathContains) =>
        Calls.Where(c => c.Method == method && c.Path.Contains(pathContains));

    private async Task<IResult> HandleRestAsync(HttpContext ctx, string path)
    {
        JsonNode? body = null;
        if (ctx.Request.ContentLength > 0 || ctx.Request.Headers.ContentType.Count > 0)
        {
            try { body = await JsonNode.ParseAsync(ctx.Request.Body); } catch { }
        }
        // Whatever the request sent, read to its end: a body left unread can make Kestrel close the connection after the
        // response, and the client's next request on that pooled connection then fails (a retry the fake clock never runs).
        await ctx.Request.Body.CopyToAsync(Stream.Null);
        Calls.Enqueue((ctx.Request.Method, "/" + path, body));
        if (path.StartsWith("interactions/") && path.EndsWith("/callback")) CallbackAt.TryAdd(path.Split('/')[1], System.Diagnostics.Stopwatch.GetTimestamp());
        if (ctx.Request.Headers.Authorization != "Bot discord-test-token") return Results.Json(new { message = "401: Unauthorized", code = 0 }, statusCode: 401);
        if (!ctx.Request.Headers.UserAgent.ToString().StartsWith("DiscordBot (")) return Results.StatusCode(400);
        foreach (var (key, gate) in _holds)
        {
            if (path.Contains(key)) await gate.Task.WaitAsync(ctx.RequestAborted);
        }
        Answered.Enqueue((ctx.Request.Method, "/" + path));
        foreach (var (key, queue) in RateLimits)
        {
            if (path.Contains(key) && queue.TryDequeue(out var wait))
                return Results.Json(new { message = "You are being rate limited.", retry_after = wait, global = false }, statusCode: 429);
        }
        foreach (var (key, queue) in _scripted)
        {
            if (!path.Contains(key) || !queue.TryDequeue(out var scripted)) continue;
            foreach (var (name, value) in scripted.Headers) ctx.Response.Headers[name] = value;
            // A 204 has no body and no content type, as Discord sends it.
            if (scripted.Body.Length == 0) return Results.StatusCode(scripted.Status);
            return Results.Content(scripted.Body, scripted.Body.StartsWith('{') ? "application/json" : "text/html", statusCode: scripted.Status);
        }
        return path switch
        {
            "gateway/bot" => Results.Json(new { url = $"ws://127.0.0.1:{_server.BaseAddress.Port}/gateway", shards = 1 }),
            "oauth2/applications/@me" => Results.Json(new { id = ApplicationId }),
            _ when path.EndsWith("/callback") || path.EndsWith("/typing") => Results.NoContent(),
            _ when ctx.Request.Method == "PUT" => Results.Json(new JsonArray()),
            _ => Created(body),
        };
    }

    /// <summary>The id this server gave each message it created, by its request body.</summary>
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<JsonNode, string> _createdIds = new();

    /// <summary>The id of the message a request created (throws when it created none).</summary>
    public string IdOf(JsonNode request) => _createdIds.TryGetValue(request, out var id) ? id : throw new InvalidOperationException("no message was created by that request");

    private IResult Created(JsonNode? body)
    {
        var id = "3000" + Calls.Count;
        if (body is not null) _createdIds.AddOrUpdate(body, id);
        return Results.Json(new { id, channel_id = "c" });
    }

    /// <summary>Sends a dispatch now, or keeps it for the replay of a resume when no connection is up.</summary>
    public async Task DispatchAsync(string type, JsonObject data)
    {
        JsonObject payload;
        lock (_events)
        {
            payload = new JsonObject { ["op"] = 0, ["t"] = type, ["s"] = ++_seq, ["d"] = data };
            if (type == "INTERACTION_CREATE") DispatchedAt[data["id"]!.GetValue<string>()] = System.Diagnostics.Stopwatch.GetTimestamp();
            _events.Add((_seq, payload));
        }
        if (_socket is { State: WebSocketState.Open } socket) await SendAsync(socket, payload);
    }

    /// <summary>Sends a payload as it is, outside the numbered dispatches (an opcode Discord may add later, a heartbeat request).</summary>
    public async Task SendRawAsync(JsonObject payload)
    {
        if (_socket is { } socket) await SendAsync(socket, payload);
    }

    /// <summary>Drops the connection without a close frame, as a network failure would.</summary>
    public void Drop()
    {
        var socket = _socket;
        _socket = null;
        try { socket?.Abort(); } catch (ObjectDisposedException) { }
    }

    /// <summary>op 9 with d:false: the session is gone, the client must identify afresh.</summary>
    public async Task InvalidateSessionAsync()
    {
        if (_socket is { } socket) await SendAsync(socket, new JsonObject { ["op"] = 9, ["d"] = false });
    }

    public async Task CloseAsync(int code)
    {
        var socket = _socket;
        _socket = null;
        if (socket is not null) await socket.CloseOutputAsync((WebSocketCloseStatus)code, "closed by the fake", default);
    }

    private async Task RunGatewayAsync(WebSocket socket)
    {
        await SendAsync(socket, new JsonObject { ["op"] = 10, ["d"] = new JsonObject { ["heartbeat_interval"] = HeartbeatInterval } });
        var buffer = new byte[64 * 1024];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer, default);
                if (result.MessageType == WebSocketMessageType.Close) break;
                var payload = JsonNode.Parse(Encoding.UTF8.GetString(buffer, 0, result.Count))!.AsObject();
                GatewayReceived.Enqueue(payload);
                switch (payload["op"]!.GetValue<int>())
                {
                    case 1:
                        if (AckHeartbeats) await SendAsync(socket, new JsonObject { ["op"] = 11 });
                        break;
                    case 2:
                        if (CloseAfterIdentify is { } code)
                        {
                            await socket.CloseOutputAsync((WebSocketCloseStatus)code, "fatal", default);
                            return;
                        }
                        _socket = socket;
                        await DispatchAsync("READY", new JsonObject
                        {
                            ["v"] = 10,
                            ["session_id"] = "session-1",
                            ["resume_gateway_url"] = $"ws://127.0.0.1:{_server.BaseAddress.Port}/resume",
                            ["user"] = new JsonObject { ["id"] = BotUserId, ["username"] = "TalksBot", ["bot"] = true },
                            ["application"] = new JsonObject { ["id"] = ApplicationId },
                        });
                        break;
                    case 6:
                        long from = payload["d"]!["seq"]?.GetValue<long>() ?? 0;
                        List<JsonObject> missed;
                        lock (_events) missed = _events.Where(e => e.Seq > from).Select(e => e.Payload).ToList();
                        foreach (var e in missed) await SendAsync(socket, e);
                        _socket = socket;
                        await DispatchAsync("RESUMED", new JsonObject());
                        break;
                }
            }
        }
        catch (WebSocketException) { }
        catch (OperationCanceledException) { }
        finally
        {
            if (ReferenceEquals(_socket, socket)) _socket = null;
        }
    }

    private async Task SendAsync(WebSocket socket, JsonObject payload)
    {
        await _sendLock.WaitAsync();
        try
        {
            if (socket.State == WebSocketState.Open)
                await socket.SendAsync(Encoding.UTF8.GetBytes(payload.ToJsonString()), WebSocketMessageType.Text, true, default);
        }
        catch (WebSocketException) { }
        catch (ObjectDisposedException) { }
        finally { _sendLock.Release(); }
    }

    public static JsonObject SlashAsk(string id, string question, string permissions = "0")
    {
        var interaction = Slash(id, "ask", permissions);
        interaction["data"]!["options"] = new JsonArray(new JsonObject { ["name"] = "question", ["type"] = 3, ["value"] = question });
        return interaction;
    }

    public static JsonObject Slash(string id, string name, string permissions) => new()
    {
        ["id"] = id,
        ["application_id"] = ApplicationId,
        ["type"] = 2,
        ["token"] = "token-" + id,
        ["guild_id"] = "300",
        ["channel_id"] = "400",
        ["member"] = new JsonObject { ["user"] = new JsonObject { ["id"] = "501" }, ["roles"] = new JsonArray(), ["permissions"] = permissions },
        ["data"] = new JsonObject { ["id"] = "cmd", ["name"] = name, ["type"] = 1 },
    };

    /// <summary>A button press (type 3 MESSAGE_COMPONENT) on one of the bot's messages, shaped like Discord's sample payloads.</summary>
    public static JsonObject ButtonPress(string id, string customId, string userId = "501") => new()
    {
        ["id"] = id,
        ["application_id"] = ApplicationId,
        ["type"] = 3,
        ["version"] = 1,
        ["token"] = "token-" + id,
        ["guild_id"] = "300",
        ["channel_id"] = "400",
        ["member"] = new JsonObject { ["user"] = new JsonObject { ["id"] = userId }, ["roles"] = new JsonArray(), ["permissions"] = "0" },
        ["message"] = new JsonObject { ["id"] = "3000", ["channel_id"] = "400", ["content"] = "", ["author"] = new JsonObject { ["id"] = BotUserId, ["bot"] = true } },
        ["data"] = new JsonObject { ["custom_id"] = customId, ["component_type"] = 2 },
    };

    public static JsonObject MessageCreate(string id, string content, string? guildId, bool mentionBot) => new()
    {
        ["id"] = id,
        ["channel_id"] = "600",
        ["guild_id"] = guildId,
        ["author"] = new JsonObject { ["id"] = "700", ["username"] = "human" },
        ["content"] = content,
        ["mentions"] = mentionBot ? new JsonArray(new JsonObject { ["id"] = BotUserId, ["username"] = "TalksBot" }) : new JsonArray(),
    };

    public async Task WaitForAsync(Func<FakeDiscord, bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (!condition(this))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("Discord fake: condition not met. Calls: " + string.Join(", ", Calls.Select(c => c.Method + " " + c.Path)));
            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Drop();
        await _server.DisposeAsync();
    }
}
