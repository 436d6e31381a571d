using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TalksBot.Testing;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;

namespace TalksBot.Telegram.Tests;

/// <summary>
/// The Bot API client as the bot builds it (the factory's HttpClient with its resilience pipeline) against the fake Bot
/// API, on a fake clock: what is retried, after how long, and what is finally reported.
/// </summary>
public sealed class TelegramRetryTests : IAsyncLifetime
{
    private const long PrivateChat = 501;
    private readonly TimerWatchingTimeProvider _clock = new(DateTimeOffset.Parse("2026-03-01T12:00:00Z"));
    private readonly LogRecorder _logs = new();
    private FakeBotApi _api = null!;
    private ServiceProvider _services = null!;

    private ITelegramBotClient Client => _services.GetRequiredService<ITelegramBotClient>();
    private FloodControl Flood => _services.GetRequiredService<FloodControl>();

    public async Task InitializeAsync()
    {
        _api = await FakeBotApi.StartAsync();
        _services = Build(_api.BaseAddress.ToString().TrimEnd('/'));
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _api.DisposeAsync();
    }

    private ServiceProvider Build(string apiBaseUrl)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(new RecordingLoggerProvider(_logs, LogLevel.Trace)).SetMinimumLevel(LogLevel.Trace));
        services.AddSingleton<TimeProvider>(_clock);
        services.AddTalksBotTelegram(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = FakeBotApi.Token,
            ["Telegram:ApiBaseUrl"] = apiBaseUrl,
            ["Telegram:PollTimeoutSeconds"] = "1",
            ["Telegram:PerChatIntervalMilliseconds"] = "1000",
            ["Telegram:RetryBaseMilliseconds"] = "500",
        }).Build());
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task A_429_waits_the_retry_after_from_the_body_on_the_host_clock_and_holds_the_chat_past_it()
    {
        _api.Fail("sendMessage", 429, retryAfter: 30);

        var sending = Client.SendMessage(PrivateChat, "hello");
        // Had Telegram.Bot waited itself (its default below 60 s), it would sleep 30 real seconds and start no timer.
        await _clock.TimerCreatedAsync(TimeSpan.FromSeconds(30));
        _clock.Advance(TimeSpan.FromSeconds(29));
        Assert.False(sending.IsCompleted);
        Assert.Single(_api.Sent("sendMessage"));

        _clock.Advance(TimeSpan.FromSeconds(1));
        var sent = await sending.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal("hello", sent.Text);
        Assert.Equal(2, _api.Sent("sendMessage").Count());
        Assert.Contains(_logs, l => l.StartsWith("Warning") && l.Contains("slow down on sendMessage; waiting 30 s"));

        // The retry held the chat's turn: its next send waits the chat's interval; another chat goes at once.
        var next = Flood.WaitTurnAsync(PrivateChat, default);
        Assert.True(Flood.WaitTurnAsync(PrivateChat + 1, default).IsCompletedSuccessfully);
        _clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(next.IsCompleted);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        await next.WaitAsync(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task A_429_without_retry_after_waits_a_second()
    {
        _api.Fail("editMessageText", 429);

        var editing = Client.EditMessageText(PrivateChat, 77, "edited");
        await _clock.TimerCreatedAsync(TimeSpan.FromSeconds(1));
        Assert.False(editing.IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(1));
        await editing.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(2, _api.Sent("editMessageText").Count());
    }

    [Fact]
    public async Task A_server_error_is_retried_three_times_with_doubling_backoff_then_reported()
    {
        for (int i = 0; i < 4; i++) _api.Fail("sendMessage", 500);

        var sending = Client.SendMessage(PrivateChat, "hello");
        foreach (var backoff in new[] { 500, 1000, 2000 })
        {
            await _clock.TimerCreatedAsync(TimeSpan.FromMilliseconds(backoff));
            Assert.False(sending.IsCompleted);
            _clock.Advance(TimeSpan.FromMilliseconds(backoff));
        }
        var failure = await Assert.ThrowsAsync<ApiRequestException>(() => sending.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Equal(500, failure.ErrorCode);
        Assert.Equal(4, _api.Sent("sendMessage").Count());
        Assert.Equal(3, _logs.Count(l => l.StartsWith("Debug") && l.Contains("Telegram sendMessage failed (HTTP 500)")));
    }

    [Fact]
    public async Task A_server_error_then_success_sends_once_more()
    {
        _api.Fail("sendMessage", 502);

        var sending = Client.SendMessage(PrivateChat, "hello");
        await _clock.TimerCreatedAsync(TimeSpan.FromMilliseconds(500));
        _clock.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal("hello", (await sending.WaitAsync(TimeSpan.FromSeconds(20))).Text);
        Assert.Equal(2, _api.Sent("sendMessage").Count());
    }

    [Fact]
    public async Task Long_polling_and_typing_are_not_retried_on_server_errors()
    {
        _api.Fail("getUpdates", 500);
        _api.Fail("sendChatAction", 503);

        var poll = await Assert.ThrowsAsync<ApiRequestException>(() => Client.GetUpdates(timeout: 0));
        var typing = await Assert.ThrowsAsync<ApiRequestException>(() => Client.SendChatAction(PrivateChat, ChatAction.Typing));

        Assert.Equal(500, poll.ErrorCode);
        Assert.Equal(503, typing.ErrorCode);
        Assert.Single(_api.Sent("getUpdates"));
        Assert.Single(_api.Sent("sendChatAction"));
    }

    [Fact]
    public async Task The_fake_clock_moving_past_the_attempt_timeout_does_not_cut_a_request_short()
    {
        var gate = _api.Hold("sendMessage");
        var sending = Client.SendMessage(PrivateChat, "hello");
        await _api.WaitForAsync(a => a.Sent("sendMessage").Any());

        // The attempt timeout (21 s here) bounds time on the network, which the host's clock doesn't measure.
        _clock.Advance(TimeSpan.FromMinutes(5));
        gate.SetResult();
        Assert.Equal("hello", (await sending.WaitAsync(TimeSpan.FromSeconds(20))).Text);
        Assert.Single(_api.Sent("sendMessage"));
    }

    [Fact]
    public async Task A_refused_connection_is_retried_then_reported_without_the_token()
    {
        int closedPort;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            closedPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        await using var down = Build($"http://127.0.0.1:{closedPort}");

        var asking = down.GetRequiredService<ITelegramBotClient>().GetMe();
        foreach (var backoff in new[] { 500, 1000, 2000 })
        {
            await _clock.TimerCreatedAsync(TimeSpan.FromMilliseconds(backoff));
            _clock.Advance(TimeSpan.FromMilliseconds(backoff));
        }
        var failure = await Assert.ThrowsAsync<RequestException>(() => asking.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Contains("refused", failure.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(3, _logs.Count(l => l.StartsWith("Debug") && l.Contains("Telegram getMe failed") && l.Contains("refused", StringComparison.OrdinalIgnoreCase)));
        Assert.DoesNotContain(_logs, l => l.Contains(FakeBotApi.Token.Split(':')[1]));
    }
}
