using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace TalksBot.Benchmarks;

/// <summary>
/// An OpenAI-compatible server on loopback that answers at once (a streamed two-chunk answer citing [1], and
/// embeddings of a chosen size), so a benchmark measures what the bot adds on top of the model's own time.
/// </summary>
internal sealed class InstantModelServer : IAsyncDisposable
{
    private WebApplication? _app;
    private int _embeddingRequests;
    private int _embeddedTexts;
    private int _largestBatch;

    public Uri Endpoint { get; private set; } = null!;
    public int EmbeddingRequests => _embeddingRequests;
    public int EmbeddedTexts => _embeddedTexts;
    public int LargestBatch => _largestBatch;

    public int Dimensions { get; private init; } = 8;

    public static async Task<InstantModelServer> StartAsync(int dimensions)
    {
        var server = new InstantModelServer { Dimensions = dimensions };
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/v1/chat/completions", server.ChatAsync);
        app.MapPost("/v1/embeddings", server.EmbeddingsAsync);
        await app.StartAsync();
        server._app = app;
        server.Endpoint = new Uri(app.Urls.First().TrimEnd('/') + "/v1/");
        return server;
    }

    private async Task ChatAsync(HttpContext http)
    {
        var body = (await JsonNode.ParseAsync(http.Request.Body))!;
        http.Response.ContentType = "text/event-stream";
        foreach (var chunk in new[] { "The articles report this ", "[1]." })
        {
            await http.Response.WriteAsync("data: {\"id\":\"b\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"bench\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + chunk + "\"},\"finish_reason\":null}]}\n\n");
        }
        await http.Response.WriteAsync("data: [DONE]\n\n");
    }

    private async Task EmbeddingsAsync(HttpContext http)
    {
        var body = (await JsonNode.ParseAsync(http.Request.Body))!;
        var inputs = body["input"] is JsonArray a ? a.Select(n => n!.GetValue<string>()).ToList() : [body["input"]!.GetValue<string>()];
        Interlocked.Increment(ref _embeddingRequests);
        Interlocked.Add(ref _embeddedTexts, inputs.Count);
        int largest;
        do { largest = _largestBatch; } while (inputs.Count > largest && Interlocked.CompareExchange(ref _largestBatch, inputs.Count, largest) != largest);
        bool base64 = body["encoding_format"]?.GetValue<string>() == "base64";
        var data = new JsonArray();
        for (int i = 0; i < inputs.Count; i++)
        {
            var v = new float[Dimensions];
            foreach (var ch in inputs[i]) v[ch % Dimensions] += 1;
            JsonNode e = base64
                ? JsonValue.Create(Convert.ToBase64String(System.Runtime.InteropServices.MemoryMarshal.AsBytes(v.AsSpan()).ToArray()))!
                : new JsonArray(v.Select(x => (JsonNode)JsonValue.Create(x)!).ToArray());
            data.Add(new JsonObject { ["object"] = "embedding", ["index"] = i, ["embedding"] = e });
        }
        await http.Response.WriteAsJsonAsync(new JsonObject { ["object"] = "list", ["data"] = data, ["model"] = "bench-embed", ["usage"] = new JsonObject { ["prompt_tokens"] = 1, ["total_tokens"] = 1 } });
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
