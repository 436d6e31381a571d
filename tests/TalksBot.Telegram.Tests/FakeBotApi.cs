using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TalksBot.Testing;

namespace TalksBot.Telegram.Tests;

/// <summary>
/// A loopback fake of the Bot API: the methods TalksBot calls, with the real envelope, long-poll getUpdates, recorded
/// calls, and scripted failures (429 with retry_after, 5xx, 401, 403) per method.
/// </summary>
public sealed class FakeBotApi : IAsyncDisposable
{
    public const string Token = "123456:TEST-token_value";
    public const long BotId = 999;
    public const string BotUsername = "TalksTestBot";

    private LoopbackServer _server = null!;
    private readonly List<JsonObject> _queue = [];
    private readonly SemaphoreSlim _arrived = new(0);
    private long _nextMessageId = 1000;

    public ConcurrentQueue<(string Method, JsonObject Body)> Calls { get; } = new();
    public ConcurrentDictionary<string, ConcurrentQueue<(int Code, int? RetryAfter)>> Failures { get; } = new();
    private readonly ConcurrentDictionary<string, (Func<JsonObject, bool> When, TaskCompletionSource Gate)> _holds = new();
    public string ChatMemberStatus { get; set; } = "member";
    /// <summary>Re-offer every queued update whatever the offset, as if confirmations were lost.</summary>
    public bool IgnoreOffset { get; set; }
    public Uri BaseAddress => _server.BaseAddress;

    public static async Task<FakeBotApi> StartAsync()
    {
        var fake = new FakeBotApi();
        fake._server = await LoopbackServer.StartAsync(app => app.MapPost("/bot{token}/{method}", fake.HandleAsync));
        return fake;
    }

    public void Fail(string method, int code, int? retryAfter = null) => Failures.GetOrAdd(method, _ => new()).Enqueue((code, retryAfter));

    /// <summary>Holds the responses of a method (those whose body matches <paramref name="when"/>; the call is recorded at once) until the returned gate is opened.</summary>
    public TaskCompletionSource Hold(string method, Func<JsonObject, bool>? when = null) =>
        _holds.GetOrAdd(method, _ => (when ?? (_ => true), new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously))).Gate;

    public long Enqueue(JsonObject message) => EnqueueUpdate("message", message);

    /// <summary>A press of an inline keyboard button under one of the bot's messages (an Update with callback_query).</summary>
    public long EnqueueCallback(JsonObject callbackQuery) => EnqueueUpdate("callback_query", callbackQuery);

    private long EnqueueUpdate(string field, JsonObject payload)
    {
        lock (_queue)
        {
            long id = _queue.Count + 1;
            _queue.Add(new JsonObject { ["update_id"] = id, [field] = payload });
            _arrived.Release();
            return id;
        }
    }

    /// <summary>A callback_query as Telegram sends it: the presser, the message the button was under, chat_instance and the button's data.</summary>
    public static JsonObject CallbackQuery(string id, long userId, long chatId, long messageId, string data) => new()
    {
        ["id"] = id,
        ["from"] = new JsonObject { ["id"] = userId, ["is_bot"] = false, ["first_name"] = "User" + userId },
        ["message"] = new JsonObject { ["message_id"] = messageId, ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = chatId > 0 ? "private" : "supergroup" }, ["date"] = 1760000000 },
        ["chat_instance"] = "-42" + chatId,
        ["data"] = data,
    };

    public static JsonObject Message(long chatId, string chatType, long userId, string text, long messageId, JsonArray? entities = null, JsonObject? replyTo = null)
    {
        var m = new JsonObject
        {
            ["message_id"] = messageId,
            ["from"] = new JsonObject { ["id"] = userId, ["is_bot"] = false, ["first_name"] = "User" + userId, ["username"] = "user" + userId },
            ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = chatType, ["title"] = chatType == "private" ? null : "Group" },
            ["date"] = 1760000000,
            ["text"] = text,
        };
        if (entities is not null) m["entities"] = entities;
        if (replyTo is not null) m["reply_to_message"] = replyTo;
        return m;
    }

    public static JsonArray Command(string text) => [new JsonObject { ["type"] = "bot_command", ["offset"] = 0, ["length"] = text.Split(' ')[0].Length }];

    public IEnumerable<JsonObject> Sent(string method) => Calls.Where(c => c.Method == method).Select(c => c.Body);

    /// <summary>The message id this server gave each sendMessage it accepted, by its request body.</summary>
    public System.Runtime.CompilerServices.ConditionalWeakTable<JsonObject, object> SentIds { get; } = new();

    /// <summary>The id of the message a sendMessage request created (throws when it created none).</summary>
    public long IdOf(JsonObject sendMessage) => SentIds.TryGetValue(sendMessage, out var id) ? (long)id : throw new InvalidOperationException("no message was created by that request");

    private async Task<IResult> HandleAsync(string token, string method, HttpContext http)
    {
        // Telegram.Bot posts JSON, and nothing at all for methods without parameters (getMe): both are valid Bot API requests.
        using var buffered = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffered);
        if (buffered.Length > 0 && http.Request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
            return Error(400, $"Bad Request: unsupported content type {http.Request.ContentType}");
        var body = buffered.Length == 0 ? [] : JsonNode.Parse(buffered.ToArray())?.AsObject() ?? [];
        Calls.Enqueue((method, body));
        if (token != Token) return Error(401, "Unauthorized");
        if (_holds.TryGetValue(method, out var hold) && hold.When(body)) await hold.Gate.Task.WaitAsync(http.RequestAborted);
        if (Failures.TryGetValue(method, out var failures) && failures.TryDequeue(out var failure))
        {
            return failure.Code == 429
                ? Error(429, $"Too Many Requests: retry after {failure.RetryAfter}", new JsonObject { ["retry_after"] = failure.RetryAfter })
                : Error(failure.Code, failure.Code switch { 401 => "Unauthorized", 403 => "Forbidden: bot was blocked by the user", _ => "Internal Server Error" });
        }
        // The Bot API's own checks on what TalksBot sends: button data of 1–64 bytes, notifications of up to 200 characters.
        foreach (var row in body["reply_markup"]?["inline_keyboard"]?.AsArray() ?? [])
        {
            foreach (var button in row!.AsArray())
            {
                var data = button!["callback_data"]?.GetValue<string>() ?? "";
                if (data.Length == 0 || System.Text.Encoding.UTF8.GetByteCount(data) > 64) return Error(400, "Bad Request: BUTTON_DATA_INVALID");
            }
        }
        // parse_mode is read case-insensitively (Telegram.Bot sends "Html"); HTML text must parse as Telegram's subset.
        if (body["parse_mode"]?.GetValue<string>() is { } parseMode)
        {
            if (parseMode.ToLowerInvariant() is not ("html" or "markdown" or "markdownv2")) return Error(400, $"Bad Request: unsupported parse_mode \"{parseMode}\"");
            if (parseMode.Equals("html", StringComparison.OrdinalIgnoreCase) && TelegramHtml.Problem(body["text"]?.GetValue<string>() ?? "") is { } problem)
                return Error(400, "Bad Request: can't parse entities: " + problem);
        }
        if ((body["text"]?.GetValue<string>().Length ?? 0) > 4096 && method is "sendMessage" or "editMessageText") return Error(400, "Bad Request: message is too long");
        switch (method)
        {
            case "getMe":
                return Ok(new JsonObject { ["id"] = BotId, ["is_bot"] = true, ["first_name"] = "Talks", ["username"] = BotUsername });
            case "getUpdates":
                long offset = body["offset"]?.GetValue<long>() ?? 0;
                int timeout = body["timeout"]?.GetValue<int>() ?? 0;
                var deadline = DateTime.UtcNow.AddSeconds(timeout);
                while (true)
                {
                    JsonArray result;
                    lock (_queue) result = new JsonArray(_queue.Where(u => IgnoreOffset || u["update_id"]!.GetValue<long>() >= offset).Select(u => u.DeepClone()).ToArray());
                    if (result.Count > 0 || DateTime.UtcNow >= deadline) return Ok(result);
                    await _arrived.WaitAsync(deadline - DateTime.UtcNow < TimeSpan.Zero ? TimeSpan.Zero : deadline - DateTime.UtcNow, http.RequestAborted).ContinueWith(_ => { });
                    if (http.RequestAborted.IsCancellationRequested) return Ok(new JsonArray());
                }
            case "sendMessage":
                long sentId = Interlocked.Increment(ref _nextMessageId);
                SentIds.AddOrUpdate(body, sentId);
                return Ok(new JsonObject
                {
                    ["message_id"] = sentId,
                    ["chat"] = new JsonObject { ["id"] = body["chat_id"]!.DeepClone(), ["type"] = "private" },
                    ["date"] = 1760000000,
                    ["text"] = body["text"]!.DeepClone(),
                    ["reply_markup"] = body["reply_markup"]?.DeepClone(),
                });
            case "answerCallbackQuery":
                if (body["callback_query_id"] is null) return Error(400, "Bad Request: query id is empty");
                if ((body["text"]?.GetValue<string>().Length ?? 0) > 200) return Error(400, "Bad Request: MESSAGE_TOO_LONG");
                return Ok(JsonValue.Create(true));
            case "editMessageText":
                return Ok(new JsonObject { ["message_id"] = body["message_id"]!.DeepClone(), ["chat"] = new JsonObject { ["id"] = body["chat_id"]!.DeepClone() }, ["date"] = 1, ["text"] = body["text"]!.DeepClone() });
            case "getChatMember":
                return Ok(new JsonObject { ["status"] = ChatMemberStatus, ["user"] = new JsonObject { ["id"] = body["user_id"]!.DeepClone(), ["is_bot"] = false, ["first_name"] = "U" } });
            case "sendChatAction" or "setMyCommands" or "deleteWebhook" or "setWebhook":
                return Ok(JsonValue.Create(true));
            default:
                return Error(404, "Not Found: method not found");
        }
    }

    private static IResult Ok(JsonNode result) => Results.Json(new JsonObject { ["ok"] = true, ["result"] = result });

    private static IResult Error(int code, string description, JsonObject? parameters = null)
    {
        var body = new JsonObject { ["ok"] = false, ["error_code"] = code, ["description"] = description };
        if (parameters is not null) body["parameters"] = parameters;
        return Results.Json(body, statusCode: code);
    }

    /// <summary>Waits until a condition over the recorded calls holds (bounded), instead of sleeping for luck.</summary>
    public async Task WaitForAsync(Func<FakeBotApi, bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (!condition(this))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The bot did not do what the test waited for. Calls: " + string.Join(", ", Calls.Select(c => c.Method)));
            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();
}
