using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TalksBot.Discord.Types;
using TalksBot.Testing;

namespace TalksBot.Discord.Tests;

/// <summary>
/// The REST client as the bot builds it (the typed HttpClient with its resilience pipeline and bucket handler) against
/// the fake Discord, on a fake clock: 429s by body and by header, global limits, exhausted buckets, server errors.
/// </summary>
public sealed class DiscordRateLimitTests : IAsyncLifetime
{
    private readonly TimerWatchingTimeProvider _clock = new(DateTimeOffset.Parse("2026-03-01T12:00:00Z"));
    private readonly LogRecorder _logs = new();
    private static readonly MessagePayload Hello = new() { Content = "hello" };
    private FakeDiscord _discord = null!;
    private ServiceProvider _services = null!;

    private DiscordRestClient Rest => _services.GetRequiredService<DiscordRestClient>();

    public async Task InitializeAsync()
    {
        _discord = await FakeDiscord.StartAsync();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(new RecordingLoggerProvider(_logs, LogLevel.Debug)).SetMinimumLevel(LogLevel.Debug));
        services.AddSingleton<TimeProvider>(_clock);
        services.AddTalksBotDiscord(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:BotToken"] = "discord-test-token",
            ["Discord:ApiBaseUrl"] = _discord.ApiBase,
            ["Discord:RetryBaseMilliseconds"] = "500",
        }).Build());
        _services = services.BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _discord.DisposeAsync();
    }

    private int Posts(string channel) => _discord.Rest("POST", $"/channels/{channel}/messages").Count();

    [Fact]
    public async Task A_429_with_only_a_retry_after_header_waits_that_long_on_the_host_clock()
    {
        // A 429 from Discord's edge proxy: an HTML page, the wait only in the header.
        _discord.RespondOnce("channels/555/messages", 429, "<html><body>slow down</body></html>", ("Retry-After", "7"));

        var sending = Rest.CreateMessageAsync("555", Hello, default);
        await _clock.TimerCreatedAsync(TimeSpan.FromSeconds(7));
        _clock.Advance(TimeSpan.FromSeconds(6));
        Assert.False(sending.IsCompleted);
        Assert.Equal(1, Posts("555"));

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.StartsWith("3000", await sending.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Equal(2, Posts("555"));
        Assert.Contains(_logs, l => l.StartsWith("Warning") && l.Contains("Discord rate limited channel; waiting 7.00 s"));
    }

    [Fact]
    public async Task The_body_retry_after_is_taken_to_the_millisecond_over_the_rounded_header()
    {
        _discord.RespondOnce("channels/555/messages", 429, """{"message":"You are being rate limited.","retry_after":1.25,"global":false}""", ("Retry-After", "2"));

        var sending = Rest.CreateMessageAsync("555", Hello, default);
        await _clock.TimerCreatedAsync(TimeSpan.FromSeconds(1.25));
        _clock.Advance(TimeSpan.FromSeconds(1.25));
        await sending.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(2, Posts("555"));
    }

    [Fact]
    public async Task A_global_429_holds_every_route_until_it_ends()
    {
        _discord.RespondOnce("channels/555/messages", 429, """{"message":"You are being rate limited.","retry_after":2.5,"global":true}""");

        var limited = Rest.CreateMessageAsync("555", Hello, default);
        await _clock.TimerCreatedAsync(TimeSpan.FromSeconds(2.5));
        var other = Rest.CreateMessageAsync("666", Hello, default);
        await _clock.TimerCreatedAsync(TimeSpan.FromSeconds(2.5), count: 2); // the other channel waits too, unsent
        Assert.Equal(0, Posts("666"));

        _clock.Advance(TimeSpan.FromSeconds(2.5));
        await Task.WhenAll(limited, other).WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(2, Posts("555"));
        Assert.Equal(1, Posts("666"));
    }

    [Fact]
    public async Task An_exhausted_bucket_waits_for_its_reset_and_other_channels_do_not()
    {
        _discord.RespondOnce("channels/555/messages", 200, """{"id":"1","channel_id":"555"}""",
            ("X-RateLimit-Bucket", "b1"), ("X-RateLimit-Limit", "5"), ("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset-After", "5"));
        await Rest.CreateMessageAsync("555", Hello, default).WaitAsync(TimeSpan.FromSeconds(20));

        var second = Rest.CreateMessageAsync("555", Hello, default);
        await _clock.TimerCreatedAsync(TimeSpan.FromSeconds(5));
        await Rest.CreateMessageAsync("666", Hello, default).WaitAsync(TimeSpan.FromSeconds(20)); // its own bucket
        _clock.Advance(TimeSpan.FromSeconds(4.9));
        Assert.False(second.IsCompleted);
        Assert.Equal(1, Posts("555"));

        _clock.Advance(TimeSpan.FromSeconds(0.1));
        await second.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(2, Posts("555"));
    }

    [Fact]
    public async Task Routes_discord_puts_in_one_bucket_wait_together_per_channel()
    {
        // Discord says typing and messages in channel 555 share bucket b1; that bucket is then exhausted by a message.
        _discord.RespondOnce("channels/555/typing", 204, "", ("X-RateLimit-Bucket", "b1"), ("X-RateLimit-Remaining", "4"), ("X-RateLimit-Reset-After", "5"));
        // Bounded, as every wait here: on the fake clock a transport retry would wait for ever, and a failure must say so.
        await Rest.TriggerTypingAsync("555", default).WaitAsync(TimeSpan.FromSeconds(20));
        _discord.RespondOnce("channels/555/messages", 200, """{"id":"1","channel_id":"555"}""",
            ("X-RateLimit-Bucket", "b1"), ("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset-After", "3"));
        await Rest.CreateMessageAsync("555", Hello, default).WaitAsync(TimeSpan.FromSeconds(20));

        var typing = Rest.TriggerTypingAsync("555", default);
        await _clock.TimerCreatedAsync(TimeSpan.FromSeconds(3));
        Assert.Single(_discord.Rest("POST", "/channels/555/typing"));
        await Rest.TriggerTypingAsync("666", default).WaitAsync(TimeSpan.FromSeconds(20)); // another channel: another bucket

        _clock.Advance(TimeSpan.FromSeconds(3));
        await typing.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(2, _discord.Rest("POST", "/channels/555/typing").Count());
    }

    [Fact]
    public async Task A_server_error_is_retried_three_times_with_doubling_backoff_then_reported()
    {
        for (int i = 0; i < 4; i++) _discord.RespondOnce("channels/555/messages", 502, "<html>bad gateway</html>");

        var sending = Rest.CreateMessageAsync("555", Hello, default);
        foreach (var backoff in new[] { 500, 1000, 2000 })
        {
            await _clock.TimerCreatedAsync(TimeSpan.FromMilliseconds(backoff));
            Assert.False(sending.IsCompleted);
            _clock.Advance(TimeSpan.FromMilliseconds(backoff));
        }
        var failure = await Assert.ThrowsAsync<DiscordApiException>(() => sending.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Equal(502, failure.Status);
        Assert.Equal("channel", failure.Route);
        Assert.Equal(4, Posts("555"));
        Assert.Equal(3, _logs.Count(l => l.StartsWith("Debug") && l.Contains("Discord channel failed (HTTP 502)")));
    }

    [Fact]
    public async Task A_client_error_is_reported_at_once()
    {
        _discord.RespondOnce("channels/555/messages", 403, """{"message":"Missing Access","code":50001}""");

        var failure = await Assert.ThrowsAsync<DiscordApiException>(() => Rest.CreateMessageAsync("555", Hello, default).WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Equal(403, failure.Status);
        Assert.Equal(50001, failure.Code);
        Assert.Equal(1, Posts("555"));
    }
}
