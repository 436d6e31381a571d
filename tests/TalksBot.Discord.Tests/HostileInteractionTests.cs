using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;
using TalksBot.Testing;
using TalksBot.Testing.Hostile;

namespace TalksBot.Discord.Tests;

/// <summary>
/// Issue 14 items 3 and 13: the interactions endpoint refuses before reading (no signature, a stale or future
/// timestamp, a declared size past the cap), reads no further than the cap, and refuses replays of old signed requests.
/// </summary>
public sealed class HostileInteractionTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly AsymmetricCipherKeyPair _pair;
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _clock = new(Now);
    private RequestBodyMeter _meter = null!;
    private DiscordHarness _h = null!;
    private HttpClient _http = null!;

    public HostileInteractionTests()
    {
        var generator = new Ed25519KeyPairGenerator();
        generator.Init(new Ed25519KeyGenerationParameters(new SecureRandom()));
        _pair = generator.GenerateKeyPair();
    }

    public async Task InitializeAsync()
    {
        var publicKey = Convert.ToHexString(((Ed25519PublicKeyParameters)_pair.Public).GetEncoded()).ToLowerInvariant();
        _h = await DiscordHarness.StartAsync(x =>
        {
            x.Settings["Discord:PublicKey"] = publicKey;
            x.Settings["Discord:Gateway"] = "false";
            x.Settings["Discord:ApplicationId"] = FakeDiscord.ApplicationId;
            x.ConfigureServices = s =>
            {
                _meter = RequestBodyMeter.AddTo(s);
                s.AddSingleton<TimeProvider>(_clock);
            };
        });
        _http = new HttpClient { BaseAddress = _h.HostAddress };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _h.DisposeAsync();
    }

    private const string Ping = """{"id":"1","application_id":"200000000000000002","type":1,"token":"t","version":1}""";

    private HttpRequestMessage Signed(string body, DateTimeOffset at)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signer = new Ed25519Signer();
        signer.Init(true, _pair.Private);
        var bytes = Encoding.UTF8.GetBytes(timestamp + body);
        signer.BlockUpdate(bytes, 0, bytes.Length);
        var request = new HttpRequestMessage(HttpMethod.Post, "/discord/interactions") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Signature-Ed25519", Convert.ToHexString(signer.GenerateSignature()).ToLowerInvariant());
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        return request;
    }

    /// <summary>Well-formed headers (a fresh timestamp, 128 hex digits) over a body no one signed.</summary>
    private HttpRequestMessage LooksSigned(HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/discord/interactions") { Content = content };
        request.Headers.Add("X-Signature-Ed25519", new string('a', 128));
        request.Headers.Add("X-Signature-Timestamp", Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        return request;
    }

    private async Task<HttpStatusCode?> SendAsync(HttpRequestMessage request)
    {
        try
        {
            using var response = await _http.SendAsync(request);
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return null; // the server answered and closed the connection while the client was still sending: refused too
        }
    }

    [Fact]
    public async Task Twenty_parallel_large_unsigned_posts_are_refused_before_their_bodies_are_read()
    {
        const long size = 26L * 1024 * 1024;
        var codes = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            SendAsync(new HttpRequestMessage(HttpMethod.Post, "/discord/interactions") { Content = new GeneratedBody(size, declareLength: i % 2 == 0) })));
        Assert.All(codes, c => Assert.True(c is null or HttpStatusCode.Unauthorized, $"answered {c}"));
        Assert.Equal(0, _meter.BytesRead);
    }

    [Fact]
    public async Task A_declared_length_past_the_cap_is_refused_with_413_unread()
    {
        var code = await SendAsync(LooksSigned(new GeneratedBody(8L * 1024 * 1024, declareLength: true)));
        Assert.True(code is null or HttpStatusCode.RequestEntityTooLarge, $"answered {code}");
        Assert.Equal(0, _meter.BytesRead);
    }

    [Fact]
    public async Task A_chunked_body_is_read_no_further_than_the_cap()
    {
        var codes = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => SendAsync(LooksSigned(new GeneratedBody(8L * 1024 * 1024, declareLength: false)))));
        Assert.All(codes, c => Assert.True(c is null or HttpStatusCode.RequestEntityTooLarge, $"answered {c}"));
        // Zero is fine: the server may see more than the cap buffered and refuse the first read outright.
        Assert.InRange(_meter.BytesRead, 0, 10L * (DiscordEndpointRouteBuilderExtensions.MaxInteractionBytes + 1));
    }

    [Fact]
    public async Task A_signed_interaction_near_now_is_answered_and_old_or_future_ones_are_refused()
    {
        using (var pong = await _http.SendAsync(Signed(Ping, Now.AddSeconds(-30))))
        {
            Assert.Equal(HttpStatusCode.OK, pong.StatusCode);
            Assert.Equal(1, JsonNode.Parse(await pong.Content.ReadAsStringAsync())!["type"]!.GetValue<int>());
        }
        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(Signed(Ping, new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero))));
        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(Signed(Ping, Now.AddMinutes(-6))));
        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(Signed(Ping, Now.AddMinutes(6))));

        // The same signed request is fine now and refused once the clock has moved on past the window.
        var replay = Signed(Ping, Now);
        var body = await replay.Content!.ReadAsStringAsync();
        _clock.Advance(TimeSpan.FromMinutes(10));
        var later = new HttpRequestMessage(HttpMethod.Post, "/discord/interactions") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        foreach (var header in replay.Headers) later.Headers.Add(header.Key, header.Value);
        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(later));
    }
}
