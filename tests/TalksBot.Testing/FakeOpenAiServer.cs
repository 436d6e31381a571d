using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TalksBot.Testing;

namespace TalksBot.Testing;

/// <summary>
/// An OpenAI-compatible server on loopback: /v1/chat/completions (plain and SSE streaming) and /v1/embeddings, as the
/// real API shapes them. Tests script the replies and read back every request.
/// </summary>
public sealed class FakeOpenAiServer : IAsyncDisposable
{
    private LoopbackServer? _server;

    public ConcurrentQueue<JsonNode> ChatRequests { get; } = new();
    public ConcurrentQueue<JsonNode> EmbeddingRequests { get; } = new();

    /// <summary>Decides each chat reply; default: an answer citing passage 1.</summary>
    public Func<JsonNode, int, FakeReply> Chat { get; set; } = (_, _) => FakeReply.Text("The talks are covered [1].");

    /// <summary>Words that mean the same to the fake "multilingual" embedding model.</summary>
    public Dictionary<string, string> Synonyms { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Uri Endpoint => new(_server!.BaseAddress, "v1/");

    /// <summary>GET /v1/models calls so far (the health probe's call).</summary>
    public int ModelListRequests => Volatile.Read(ref _modelListRequests);
    private int _modelListRequests;

    /// <summary>Status GET /v1/models answers with; 200 lists one model.</summary>
    public int ModelListStatus { get; set; } = 200;

    public static async Task<FakeOpenAiServer> StartAsync()
    {
        var fake = new FakeOpenAiServer();
        fake._server = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost("/v1/chat/completions", fake.HandleChatAsync);
            app.MapPost("/v1/embeddings", fake.HandleEmbeddingsAsync);
            app.MapGet("/v1/models", () =>
            {
                Interlocked.Increment(ref fake._modelListRequests);
                return fake.ModelListStatus == 200
                    ? Results.Json(new { @object = "list", data = new[] { new { id = "fake-model", @object = "model", created = 0, owned_by = "tests" } } })
                    : Results.Json(new { error = new { message = "unavailable", type = "server_error" } }, statusCode: fake.ModelListStatus);
            });
        });
        return fake;
    }

    private async Task HandleChatAsync(HttpContext http)
    {
        var body = (await JsonNode.ParseAsync(http.Request.Body))!;
        ChatRequests.Enqueue(body);
        var reply = Chat(body, ChatRequests.Count);
        if (reply.Delay > TimeSpan.Zero) await Task.Delay(reply.Delay, http.RequestAborted);
        if (reply.Status != 200)
        {
            http.Response.StatusCode = reply.Status;
            if (reply.RetryAfter is { } ra) http.Response.Headers.RetryAfter = ra;
            await http.Response.WriteAsJsonAsync(new { error = new { message = "fake failure", type = "server_error" } });
            return;
        }
        if (reply.Raw is not null)
        {
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync(reply.Raw);
            return;
        }
        var model = body["model"]!.GetValue<string>();
        if (reply.ToolCalls.Count > 0)
        {
            await WriteToolCallsAsync(http, model, body["stream"]?.GetValue<bool>() == true, reply.ToolCalls);
            return;
        }
        if (body["stream"]?.GetValue<bool>() == true)
        {
            http.Response.ContentType = "text/event-stream";
            foreach (var chunk in reply.Chunks)
            {
                var json = new JsonObject
                {
                    ["id"] = "chatcmpl-1", ["object"] = "chat.completion.chunk", ["created"] = 1, ["model"] = model,
                    ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = new JsonObject { ["content"] = chunk }, ["finish_reason"] = null }),
                };
                await http.Response.WriteAsync($"data: {json.ToJsonString()}\n\n");
                await http.Response.Body.FlushAsync();
                if (reply.ChunkDelay > TimeSpan.Zero) await Task.Delay(reply.ChunkDelay, http.RequestAborted);
            }
            if (reply.BreakStream)
            {
                // The connection drops mid-answer, as a crashing or restarted server does.
                http.Abort();
                return;
            }
            var done = new JsonObject
            {
                ["id"] = "chatcmpl-1", ["object"] = "chat.completion.chunk", ["created"] = 1, ["model"] = model,
                ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = new JsonObject(), ["finish_reason"] = "stop" }),
            };
            await http.Response.WriteAsync($"data: {done.ToJsonString()}\n\ndata: [DONE]\n\n");
            return;
        }
        await http.Response.WriteAsJsonAsync(new JsonObject
        {
            ["id"] = "chatcmpl-1", ["object"] = "chat.completion", ["created"] = 1, ["model"] = model,
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0, ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = string.Concat(reply.Chunks) }, ["finish_reason"] = "stop",
            }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 10, ["completion_tokens"] = 10, ["total_tokens"] = 20 },
        });
    }

    /// <summary>The model asks for tools instead of answering: finish_reason "tool_calls", as the API streams it or not.</summary>
    private static async Task WriteToolCallsAsync(HttpContext http, string model, bool stream, IReadOnlyList<FakeToolCall> calls)
    {
        JsonArray Calls(bool delta) => new(calls.Select((c, i) =>
        {
            var call = new JsonObject
            {
                ["id"] = c.Id, ["type"] = "function",
                ["function"] = new JsonObject { ["name"] = c.Name, ["arguments"] = c.Arguments.ToJsonString() },
            };
            if (delta) call["index"] = i;
            return (JsonNode)call;
        }).ToArray());
        if (!stream)
        {
            await http.Response.WriteAsJsonAsync(new JsonObject
            {
                ["id"] = "chatcmpl-1", ["object"] = "chat.completion", ["created"] = 1, ["model"] = model,
                ["choices"] = new JsonArray(new JsonObject
                {
                    ["index"] = 0, ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = null, ["tool_calls"] = Calls(delta: false) },
                    ["finish_reason"] = "tool_calls",
                }),
            });
            return;
        }
        http.Response.ContentType = "text/event-stream";
        JsonObject Chunk(JsonObject delta, string? finish) => new()
        {
            ["id"] = "chatcmpl-1", ["object"] = "chat.completion.chunk", ["created"] = 1, ["model"] = model,
            ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finish }),
        };
        await http.Response.WriteAsync($"data: {Chunk(new JsonObject { ["role"] = "assistant", ["tool_calls"] = Calls(delta: true) }, null).ToJsonString()}\n\n");
        await http.Response.WriteAsync($"data: {Chunk(new JsonObject(), "tool_calls").ToJsonString()}\n\ndata: [DONE]\n\n");
    }

    private async Task HandleEmbeddingsAsync(HttpContext http)
    {
        var body = (await JsonNode.ParseAsync(http.Request.Body))!;
        EmbeddingRequests.Enqueue(body);
        var inputs = body["input"] is JsonArray array ? array.Select(n => n!.GetValue<string>()).ToList() : [body["input"]!.GetValue<string>()];
        bool base64 = body["encoding_format"]?.GetValue<string>() == "base64";
        var data = new JsonArray();
        for (int i = 0; i < inputs.Count; i++)
        {
            var vector = Embed(inputs[i]);
            JsonNode embedding = base64
                ? JsonValue.Create(Convert.ToBase64String(System.Runtime.InteropServices.MemoryMarshal.AsBytes(vector.AsSpan()).ToArray()))!
                : new JsonArray(vector.Select(v => (JsonNode)JsonValue.Create(v)!).ToArray());
            data.Add(new JsonObject { ["object"] = "embedding", ["index"] = i, ["embedding"] = embedding });
        }
        await http.Response.WriteAsJsonAsync(new JsonObject
        {
            ["object"] = "list", ["data"] = data, ["model"] = body["model"]!.GetValue<string>(),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 1, ["total_tokens"] = 1 },
        });
    }

    /// <summary>A bag-of-words vector (512 buckets), with synonyms mapped first: similar texts get similar vectors.</summary>
    public float[] Embed(string text)
    {
        var v = new float[512];
        foreach (var raw in text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var word = new string(raw.Where(char.IsLetter).ToArray());
            if (word.Length < 4) continue;
            foreach (var (from, to) in Synonyms) if (word.StartsWith(from, StringComparison.OrdinalIgnoreCase)) word = to;
            v[(int)(StableHash(word[..Math.Min(6, word.Length)]) % 512)] += 1;
        }
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        if (norm > 0) for (int i = 0; i < v.Length; i++) v[i] /= norm;
        return v;
    }

    // FNV-1a: the same buckets in every run (string.GetHashCode is randomized per process).
    private static uint StableHash(string text)
    {
        uint hash = 2166136261;
        foreach (var ch in text)
        {
            hash ^= ch;
            hash *= 16777619;
        }
        return hash;
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
    }
}

/// <summary>One scripted reply of the fake model.</summary>
public sealed record FakeReply(IReadOnlyList<string> Chunks, int Status = 200, string? RetryAfter = null, TimeSpan Delay = default, string? Raw = null)
{
    public TimeSpan ChunkDelay { get; init; }

    /// <summary>Tool calls the model makes instead of answering.</summary>
    public IReadOnlyList<FakeToolCall> ToolCalls { get; init; } = [];

    /// <summary>Drop the connection after the chunks, without finishing the stream.</summary>
    public bool BreakStream { get; init; }

    public static FakeReply Tools(params FakeToolCall[] calls) => new([]) { ToolCalls = calls };

    public static FakeReply Text(params string[] chunks) => new(chunks);
    public static FakeReply Error(int status, string? retryAfter = null) => new([], status, retryAfter);
    public static FakeReply Slow(TimeSpan delay, params string[] chunks) => new(chunks, Delay: delay);
    public static FakeReply Malformed() => new([], Raw: "{\"id\": \"x\", \"choices\": [ {\"message\": ");
}
