using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TalksBot.Testing;

namespace TalksBot.Tests;

/// <summary>`run` as a supervisor sees it: /healthz and /readyz name the failing part, JSON logs, stopping on a dead platform.</summary>
public sealed class RunHealthTests : IAsyncLifetime
{
    private const string Token = "123456:ABCdefGhIJKlmnOPQrstUVwxyz-0123456789";
    private readonly Cli _cli = new();
    private LoopbackServer _telegram = null!;

    public async Task InitializeAsync()
    {
        // A Bot API that rejects the token on every method.
        _telegram = await LoopbackServer.StartAsync(app => app.MapPost("/bot{token}/{method}", () =>
            Results.Json(new { ok = false, error_code = 401, description = "Unauthorized" }, statusCode: 401)));
        _cli.WithSources(SharedData.Articles);
        _cli.Environment["Telegram__BotToken"] = Token;
        _cli.Environment["Telegram__ApiBaseUrl"] = _telegram.BaseAddress.ToString().TrimEnd('/');
        _cli.Environment["Index__RefreshInterval"] = "00:00:00";
    }

    public async Task DisposeAsync()
    {
        await _telegram.DisposeAsync();
        _cli.Dispose();
    }

    [Fact]
    public async Task A_rejected_token_fails_readiness_and_liveness_by_name_and_logs_are_json_without_the_token()
    {
        _cli.Environment["Logging__Console__FormatterName"] = "json";
        var port = FreePort();
        using var run = _cli.Start("run", "--urls", $"http://127.0.0.1:{port}");
        var stderr = run.StandardError.ReadToEndAsync();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            var ready = await WaitForAsync(http, "readyz", body => body.GetProperty("checks").GetProperty("telegram").GetProperty("data").GetProperty("state").GetString() == "stopped");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.Status);
            Assert.Equal("unhealthy", ready.Body.GetProperty("status").GetString());
            Assert.Equal(["telegram"], ready.Body.GetProperty("failing").EnumerateArray().Select(e => e.GetString()));
            Assert.Equal("healthy", ready.Body.GetProperty("checks").GetProperty("index").GetProperty("status").GetString());
            Assert.Equal("healthy", ready.Body.GetProperty("checks").GetProperty("model").GetProperty("status").GetString());

            var live = await GetAsync(http, "healthz");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, live.Status);
            Assert.Equal(["telegram-alive"], live.Body.GetProperty("failing").EnumerateArray().Select(e => e.GetString()));
        }
        finally
        {
            run.Kill(entireProcessTree: true);
            await run.WaitForExitAsync();
        }

        var lines = (await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var events = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var starting = Assert.Single(events, e => e.GetProperty("EventId").GetInt32() == 1);
        Assert.Contains(_cli.DatabasePath, starting.GetProperty("Message").GetString());
        Assert.Equal("Telegram", starting.GetProperty("State").GetProperty("Platforms").GetString());
        Assert.Equal("off", starting.GetProperty("State").GetProperty("EmbeddingModel").GetString());
        Assert.DoesNotContain(Token.Split(':')[1], await stderr);
    }

    [Fact]
    public async Task With_StopOnPlatformFailure_a_dead_platform_ends_the_process_non_zero()
    {
        _cli.Environment["Host__StopOnPlatformFailure"] = "true";
        var (code, _, stderr) = await _cli.RunAsync("run", "--urls", $"http://127.0.0.1:{FreePort()}");
        Assert.Equal(6, code);
        Assert.Contains("telegram stopped for good", stderr);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    /// <summary>Polls until the process serves and the body says what we wait for: the process starts on its own clock.</summary>
    private static async Task<(HttpStatusCode Status, JsonElement Body)> WaitForAsync(HttpClient http, string path, Func<JsonElement, bool> done)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                var result = await GetAsync(http, path);
                if (done(result.Body)) return result;
            }
            catch (HttpRequestException) when (deadline.Elapsed < TimeSpan.FromSeconds(60)) { }
            catch (KeyNotFoundException) when (deadline.Elapsed < TimeSpan.FromSeconds(60)) { }
            if (deadline.Elapsed > TimeSpan.FromSeconds(60)) throw new TimeoutException($"/{path} never reached the expected state");
            await Task.Delay(100);
        }
    }
}
