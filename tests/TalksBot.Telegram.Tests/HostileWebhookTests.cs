using System.Net;
using TalksBot.Testing;
using TalksBot.Testing.Hostile;

namespace TalksBot.Telegram.Tests;

/// <summary>Issue 14 item 3: the webhook checks the secret before reading and reads no further than its cap.</summary>
public sealed class HostileWebhookTests
{
    private static async Task<HttpStatusCode?> SendAsync(HttpClient http, HttpContent content, string? secret)
    {
        var post = new HttpRequestMessage(HttpMethod.Post, "/telegram/hook") { Content = content };
        if (secret is not null) post.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        try
        {
            using var response = await http.SendAsync(post);
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return null; // answered and closed while the client was still sending: refused too
        }
    }

    [Fact]
    public async Task Large_webhook_posts_are_refused_unread_without_the_secret_and_past_the_cap_with_it()
    {
        RequestBodyMeter meter = null!;
        await using var h = await TelegramHarness.StartAsync(x =>
        {
            x.Settings["Telegram:WebhookUrl"] = "https://bot.example/telegram/hook";
            x.Settings["Telegram:WebhookSecret"] = "s3cret_Token-1";
            x.ConfigureServices = s => meter = RequestBodyMeter.AddTo(s);
        });
        using var http = new HttpClient { BaseAddress = h.HostAddress };

        var unsigned = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => SendAsync(http, new GeneratedBody(26L * 1024 * 1024, i % 2 == 0), null)));
        Assert.All(unsigned, c => Assert.True(c is null or HttpStatusCode.Unauthorized, $"answered {c}"));
        Assert.Equal(0, meter.BytesRead);

        var declared = await SendAsync(http, new GeneratedBody(8L * 1024 * 1024, declareLength: true), "s3cret_Token-1");
        Assert.True(declared is null or HttpStatusCode.RequestEntityTooLarge, $"answered {declared}");
        Assert.Equal(0, meter.BytesRead);

        var chunked = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => SendAsync(http, new GeneratedBody(8L * 1024 * 1024, declareLength: false), "s3cret_Token-1")));
        Assert.All(chunked, c => Assert.True(c is null or HttpStatusCode.RequestEntityTooLarge, $"answered {c}"));
        Assert.InRange(meter.BytesRead, 0, 10L * (TelegramEndpointRouteBuilderExtensions.MaxUpdateBytes + 1));
    }
}
