using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;
using TalksBot.Testing;

namespace TalksBot.Discord.Tests;

public class DiscordBotTests
{
    private static bool Ready(FakeDiscord d) => d.GatewayReceived.Any(p => p["op"]!.GetValue<int>() == 2) && d.Rest("PUT", "/commands").Any();

    private static string Description(JsonNode? body) => body?["embeds"]?[0]?["description"]?.GetValue<string>() ?? "";

    [Fact]
    public async Task A_slash_command_over_the_gateway_is_deferred_then_edited_with_an_embed_and_sources()
    {
        await using var h = await DiscordHarness.StartAsync();
        await h.Discord.WaitForAsync(Ready);
        var identify = h.Discord.GatewayReceived.First(p => p["op"]!.GetValue<int>() == 2);
        Assert.Equal(1 | 512 | 4096 | 32768, identify["d"]!["intents"]!.GetValue<int>());
        Assert.Equal("discord-test-token", identify["d"]!["token"]!.GetValue<string>());
        var commands = h.Discord.Rest("PUT", $"/applications/{FakeDiscord.ApplicationId}/commands").Single().Body!.AsArray();
        Assert.Equal(["ask", "sources", "status", "refresh", "source"], commands.Select(c => c!["name"]!.GetValue<string>()));
        Assert.Equal("32", commands.Single(c => c!["name"]!.GetValue<string>() == "refresh")!["default_member_permissions"]!.GetValue<string>());

        await h.Discord.DispatchAsync("INTERACTION_CREATE", FakeDiscord.SlashAsk("9001", "What are Zelensky's preconditions?"));
        await h.Discord.WaitForAsync(d => d.Rest("PATCH", "/messages/@original").Any(c => c.Body?["embeds"]?[0]?["fields"] is JsonArray));
        var callback = h.Discord.Rest("POST", "/interactions/9001/token-9001/callback").Single();
        Assert.Equal(5, callback.Body!["type"]!.GetValue<int>());
        var edit = h.Discord.Rest("PATCH", $"/webhooks/{FakeDiscord.ApplicationId}/token-9001/messages/@original").Last().Body!;
        Assert.Contains("withdraw", Description(edit));
        Assert.Contains(@"\[1\]", Description(edit));
        var field = edit["embeds"]![0]!["fields"]![0]!;
        Assert.StartsWith("[1] ", field["name"]!.GetValue<string>());
        Assert.Contains("(<https://www.bbc.com/news/videos/c0erxy010y0o>)", field["value"]!.GetValue<string>());
        Assert.Empty(edit["allowed_mentions"]!["parse"]!.AsArray());
    }

    [Fact]
    public async Task Nothing_from_an_article_can_ping_anyone()
    {
        await using var h = await DiscordHarness.StartAsync();
        await h.Discord.WaitForAsync(Ready);
        await h.Discord.DispatchAsync("INTERACTION_CREATE", FakeDiscord.SlashAsk("9002", "Was the energy truce extended?"));
        await h.Discord.WaitForAsync(d => d.Rest("PATCH", "token-9002/messages/@original").Any(c => Description(c.Body).Contains("truce")));
        var edit = h.Discord.Rest("PATCH", "token-9002/messages/@original").Last().Body!;
        var text = edit.ToJsonString();
        Assert.DoesNotContain("@everyone", Description(edit), StringComparison.Ordinal);
        Assert.Contains("@\u200beveryone", Description(edit));
        Assert.DoesNotContain("<@&123>", Description(edit), StringComparison.Ordinal);
        Assert.DoesNotContain("@here", edit["embeds"]![0]!["fields"]![0]!["name"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(edit["allowed_mentions"]!["parse"]!.AsArray());
    }

    [Fact]
    public async Task A_non_moderator_is_refused_ephemerally_and_a_moderator_refreshes_with_progress_only_they_see()
    {
        await using var h = await DiscordHarness.StartAsync();
        await h.Discord.WaitForAsync(Ready);
        await h.Discord.DispatchAsync("INTERACTION_CREATE", FakeDiscord.Slash("9101", "refresh", permissions: "0"));
        await h.Discord.WaitForAsync(d => d.Rest("PATCH", "token-9101/messages/@original").Any());
        var deferral = h.Discord.Rest("POST", "/interactions/9101/").Single().Body!;
        Assert.Equal(5, deferral["type"]!.GetValue<int>());
        Assert.Equal(64, deferral["data"]!["flags"]!.GetValue<int>());
        Assert.Contains("only moderators", h.Discord.Rest("PATCH", "token-9101/messages/@original").Single().Body!["content"]!.GetValue<string>());

        await h.Discord.DispatchAsync("INTERACTION_CREATE", FakeDiscord.Slash("9102", "refresh", permissions: "32"));
        await h.Discord.WaitForAsync(d => d.Rest("PATCH", "token-9102/messages/@original").Any(c => c.Body!["content"]!.GetValue<string>().Contains("Refresh finished")));
        var moderatorDeferral = h.Discord.Rest("POST", "/interactions/9102/").Single().Body!;
        Assert.Equal(5, moderatorDeferral["type"]!.GetValue<int>());
        Assert.Equal(64, moderatorDeferral["data"]!["flags"]!.GetValue<int>());
        Assert.StartsWith("Refreshing", h.Discord.Rest("PATCH", "token-9102/messages/@original").First().Body!["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task Sources_are_listed_ephemerally_with_clickable_addresses()
    {
        await using var h = await DiscordHarness.StartAsync();
        await h.Discord.WaitForAsync(Ready);
        var add = FakeDiscord.Slash("9111", "source", permissions: "32");
        add["data"]!["options"] = new JsonArray(new JsonObject
        {
            ["name"] = "add", ["type"] = 1,
            ["options"] = new JsonArray(new JsonObject { ["name"] = "location", ["type"] = 3, ["value"] = "https://news.example/feed_2026.xml" }),
        });
        await h.Discord.DispatchAsync("INTERACTION_CREATE", add);
        await h.Discord.WaitForAsync(d => d.Rest("PATCH", "token-9111/messages/@original").Any());
        Assert.Contains("Added", h.Discord.Rest("PATCH", "token-9111/messages/@original").Single().Body!["content"]!.GetValue<string>());

        await h.Discord.DispatchAsync("INTERACTION_CREATE", FakeDiscord.Slash("9112", "sources", permissions: "0"));
        await h.Discord.WaitForAsync(d => d.Rest("PATCH", "token-9112/messages/@original").Any());
        Assert.Equal(64, h.Discord.Rest("POST", "/interactions/9112/").Single().Body!["data"]!["flags"]!.GetValue<int>());
        var content = h.Discord.Rest("PATCH", "token-9112/messages/@original").Single().Body!["content"]!.GetValue<string>();
        Assert.Contains("<https://news.example/feed_2026.xml>", content);
    }

    [Fact]
    public async Task The_answer_shows_its_question_and_votes_under_it_are_button_interactions_answered_privately()
    {
        await using var h = await DiscordHarness.StartAsync();
        await h.Discord.WaitForAsync(Ready);
        await h.Discord.DispatchAsync("INTERACTION_CREATE", FakeDiscord.SlashAsk("9601", "What are Zelensky's preconditions?"));
        await h.Discord.WaitForAsync(d => d.Rest("PATCH", "token-9601/messages/@original").Any(c => c.Body?["components"] is JsonArray { Count: > 0 }));
        var answer = h.Discord.Rest("PATCH", "token-9601/messages/@original").Last().Body!;
        Assert.Equal("❓ What are Zelensky's preconditions?", answer["embeds"]![0]!["author"]!["name"]!.GetValue<string>());
        var buttons = answer["components"]![0]!["components"]!.AsArray();
        Assert.Equal(["👍", "👎"], buttons.Select(b => b!["label"]!.GetValue<string>()));
        string up = buttons[0]!["custom_id"]!.GetValue<string>(), down = buttons[1]!["custom_id"]!.GetValue<string>();

        async Task<string> PressAsync(string id, string customId, string user = "501")
        {
            await h.Discord.DispatchAsync("INTERACTION_CREATE", FakeDiscord.ButtonPress(id, customId, user));
            await h.Discord.WaitForAsync(d => d.Rest("PATCH", $"token-{id}/messages/@original").Any());
            var deferral = h.Discord.Rest("POST", $"/interactions/{id}/").Single().Body!;
            Assert.Equal(5, deferral["type"]!.GetValue<int>());
            Assert.Equal(64, deferral["data"]!["flags"]!.GetValue<int>()); // only the voter sees the thanks
            return h.Discord.Rest("PATCH", $"token-{id}/messages/@original").Single().Body!["content"]!.GetValue<string>();
        }
        // Which vote counts, changes or is unknown, and what /status shows of them, is Core's (ChatFrontEndTests);
        // here: a press is a component interaction answered privately, and the voter is the member who pressed.
        Assert.Contains("Thanks", await PressAsync("9602", up));
        Assert.Contains("Changed your vote", await PressAsync("9603", down));
        Assert.Contains("Thanks", await PressAsync("9604", down, user: "502"));
    }

    [Fact]
    public async Task A_mention_in_a_channel_and_a_dm_are_answered_as_replies_that_ping_nobody()
    {
        await using var h = await DiscordHarness.StartAsync();
        await h.Discord.WaitForAsync(Ready);
        await h.Discord.DispatchAsync("MESSAGE_CREATE", FakeDiscord.MessageCreate("801", $"<@{FakeDiscord.BotUserId}> what are Zelensky's preconditions?", "300", mentionBot: true));
        await h.Discord.DispatchAsync("MESSAGE_CREATE", FakeDiscord.MessageCreate("802", "hello all, nice weather", "300", mentionBot: false));
        await h.Discord.DispatchAsync("MESSAGE_CREATE", FakeDiscord.MessageCreate("803", "What did Putin say in Kazakhstan?", null, mentionBot: false));
        await h.Discord.WaitForAsync(d => d.Rest("POST", "/channels/600/messages").Count() >= 2);
        var replies = h.Discord.Rest("POST", "/channels/600/messages").Select(c => c.Body!).ToList();
        Assert.Equal(["801", "803"], replies.Select(r => r["message_reference"]!["message_id"]!.GetValue<string>()).Order());
        Assert.All(replies, r => Assert.Empty(r["allowed_mentions"]!["parse"]!.AsArray()));
        Assert.All(replies, r => Assert.False(r["allowed_mentions"]!["replied_user"]!.GetValue<bool>()));
        Assert.Contains(h.Discord.Calls, c => c.Path == "/channels/600/typing");
        await h.App.StopAsync(); // a stop lets the answers in hand finish, so every log line they write is in by now
        Assert.DoesNotContain(h.Logs, l => l.StartsWith("Error"));
    }

    private static Action<DiscordHarness> WithStreamingModel(FakeOpenAiServer model)
    {
        // Four pieces 150 ms apart against a 100 ms edit interval: a reader sees the answer being written.
        model.Chat = (_, _) => FakeReply.Text("Zelensky ", "demands ", "a full withdrawal ", "of Russian forces [1].") with { ChunkDelay = TimeSpan.FromMilliseconds(150) };
        return h =>
        {
            h.Settings["Llm:Endpoint"] = model.Endpoint.ToString();
            h.Settings["Llm:Model"] = "m";
            h.Settings["Llm:PromptsPath"] = Path.Combine(SharedData.RepositoryRoot, "prompts");
        };
    }

    [Fact]
    public async Task A_slash_command_answer_from_a_model_grows_in_place_and_the_last_edit_carries_the_sources()
    {
        await using var model = await FakeOpenAiServer.StartAsync();
        await using var h = await DiscordHarness.StartAsync(WithStreamingModel(model));
        await h.Discord.WaitForAsync(Ready);
        await h.Discord.DispatchAsync("INTERACTION_CREATE", FakeDiscord.SlashAsk("9501", "What are Zelensky's preconditions?"));
        await h.Discord.WaitForAsync(d => d.Rest("PATCH", "token-9501/messages/@original").Any(c => c.Body?["embeds"]?[0]?["fields"] is JsonArray));

        var edits = h.Discord.Rest("PATCH", "token-9501/messages/@original").Select(c => c.Body!).ToList();
        Assert.True(edits.Count >= 2, $"the answer should show while it is written, but came in {edits.Count} edit(s)");
        Assert.All(edits[..^1], draft =>
        {
            Assert.StartsWith("Zelensky", Description(draft));
            Assert.Null(draft["embeds"]![0]!["fields"]); // sources only once the citations are validated
        });
        Assert.True(Description(edits[0]).Length < Description(edits[^1]).Length);
        Assert.Equal(@"Zelensky demands a full withdrawal of Russian forces \[1\].", Description(edits[^1]));
        Assert.Single(edits[^1]["embeds"]![0]!["fields"]!.AsArray());
        Assert.Single(model.ChatRequests);
    }

    [Fact]
    public async Task A_mention_answered_by_a_model_is_one_reply_edited_in_place()
    {
        await using var model = await FakeOpenAiServer.StartAsync();
        await using var h = await DiscordHarness.StartAsync(WithStreamingModel(model));
        await h.Discord.WaitForAsync(Ready);
        await h.Discord.DispatchAsync("MESSAGE_CREATE", FakeDiscord.MessageCreate("811", $"<@{FakeDiscord.BotUserId}> what are Zelensky's preconditions?", "300", mentionBot: true));
        await h.Discord.WaitForAsync(d => d.Calls.Any(c => c.Method is "POST" or "PATCH" && c.Path.StartsWith("/channels/600/messages") && c.Body?["embeds"]?[0]?["fields"] is JsonArray));

        var reply = Assert.Single(h.Discord.Rest("POST", "/channels/600/messages"));
        Assert.Equal("811", reply.Body!["message_reference"]!["message_id"]!.GetValue<string>());
        Assert.StartsWith("Zelensky", Description(reply.Body));
        var edits = h.Discord.Rest("PATCH", "/channels/600/messages/").ToList();
        Assert.NotEmpty(edits);
        Assert.Equal(@"Zelensky demands a full withdrawal of Russian forces \[1\].", Description(edits[^1].Body));
        Assert.All(edits, e => Assert.Empty(e.Body!["allowed_mentions"]!["parse"]!.AsArray()));
    }

    [Fact]
    public async Task A_dropped_connection_resumes_and_the_missed_event_is_answered_once()
    {
        await using var h = await DiscordHarness.StartAsync();
        await h.Discord.WaitForAsync(Ready);
        h.Discord.Drop();
        await h.Discord.DispatchAsync("INTERACTION_CREATE", FakeDiscord.SlashAsk("9201", "What are Zelensky's preconditions?"));
        await h.Discord.WaitForAsync(d => d.GatewayReceived.Any(p => p["op"]!.GetValue<int>() == 6));
        var resume = h.Discord.GatewayReceived.First(p => p["op"]!.GetValue<int>() == 6);
        Assert.Equal("session-1", resume["d"]!["session_id"]!.GetValue<string>());
        Assert.Equal(1, resume["d"]!["seq"]!.GetValue<long>());
        Assert.StartsWith("/resume", h.Discord.Connections.Last());
        await h.Discord.WaitForAsync(d => d.Rest("PATCH", "token-9201/messages/@original").Any());
        // A second replay of the same interaction (another resume) must not be answered again.
        h.Discord.Drop();
        await h.Discord.WaitForAsync(d => d.GatewayReceived.Count(p => p["op"]!.GetValue<int>() == 6) >= 2);
        await h.Discord.WaitForAsync(d => d.Connections.Count >= 3);
        // Events arrive in order: once a later one is answered, any replay came in before it, and a stop drains both.
        await h.Discord.DispatchAsync("INTERACTION_CREATE", FakeDiscord.SlashAsk("9202", "What did Putin say in Kazakhstan?"));
        await h.Discord.WaitForAsync(d => d.Rest("PATCH", "token-9202/messages/@original").Any());
        await h.App.StopAsync();
        Assert.Single(h.Discord.Rest("POST", "/interactions/9201/"));
        Assert.Single(h.Discord.GatewayReceived, p => p["op"]!.GetValue<int>() == 2); // never re-identified
    }

    [Fact]
    public async Task A_zombie_connection_is_detected_and_resumed()
    {
        // Heartbeats every 200 ms; then the fake stops acknowledging them.
        await using var h = await DiscordHarness.StartAsync(x => x.Discord.HeartbeatInterval = 200);
        await h.Discord.WaitForAsync(d => Ready(d) && d.GatewayReceived.Any(p => p["op"]!.GetValue<int>() == 1));
        h.Discord.AckHeartbeats = false;
        await h.Discord.WaitForAsync(d => d.GatewayReceived.Any(p => p["op"]!.GetValue<int>() == 6), TimeSpan.FromSeconds(10));
        h.Discord.AckHeartbeats = true;
        await h.Logs.WaitForAsync(l => l.Contains("stopped acknowledging heartbeats"));
        Assert.StartsWith("/resume", h.Discord.Connections.Last());
    }

    [Fact]
    public async Task A_429_on_the_edit_is_retried_after_retry_after()
    {
        await using var h = await DiscordHarness.StartAsync();
        await h.Discord.WaitForAsync(Ready);
        h.Discord.LimitOnce("token-9301/messages/@original", 0.3);
        await h.Discord.DispatchAsync("INTERACTION_CREATE", FakeDiscord.SlashAsk("9301", "What are Zelensky's preconditions?"));
        await h.Discord.WaitForAsync(d => d.Rest("PATCH", "token-9301/messages/@original").Count() >= 2);
        await h.Logs.WaitForAsync(l => l.Contains("rate limited"));
    }

    [Fact]
    public async Task A_shutdown_lets_an_answer_in_progress_finish()
    {
        await using var h = await DiscordHarness.StartAsync();
        await h.Discord.WaitForAsync(Ready);
        var gate = h.Discord.Hold("token-9401/messages/@original");
        await h.Discord.DispatchAsync("INTERACTION_CREATE", FakeDiscord.SlashAsk("9401", "What are Zelensky's preconditions?"));
        await h.Discord.WaitForAsync(d => d.Rest("PATCH", "token-9401/messages/@original").Any());

        // The host stops (the gateway is closed) while the answer's edit is still open; only then does Discord respond.
        var stopping = h.App.StopAsync();
        await h.Logs.WaitForAsync(l => l.Contains("Discord is stopping"));
        gate.SetResult();
        await stopping;

        var edits = h.Discord.Rest("PATCH", "token-9401/messages/@original").ToList();
        Assert.Contains(edits, e => e.Body!["embeds"] is JsonArray { Count: > 0 });
        Assert.Equal(edits.Count, h.Discord.Answered.Count(a => a.Method == "PATCH" && a.Path.Contains("token-9401/messages/@original")));
    }

    [Fact]
    public async Task A_fatal_close_code_stops_discord_cleanly_while_the_host_runs_on()
    {
        await using var h = await DiscordHarness.StartAsync();
        await h.Discord.WaitForAsync(Ready);
        h.Discord.CloseAfterIdentify = 4004;
        await h.Discord.InvalidateSessionAsync(); // the client identifies afresh, and the fake answers 4004
        await h.Logs.WaitForAsync(l => l.StartsWith("Critical"));
        Assert.Single(h.Logs, l => l.StartsWith("Critical") && l.Contains("Discord:BotToken"));
        Assert.DoesNotContain(h.Logs, l => l.Contains("discord-test-token"));
        // The gateway loop has ended for good (no reconnect can follow), not merely paused between attempts.
        var discord = h.App.Services.GetServices<IHostedService>().OfType<DiscordService>().Single();
        await discord.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, h.Discord.Connections.Count);
        Assert.False(h.App.Lifetime.ApplicationStopping.IsCancellationRequested);
    }

    [Fact]
    public async Task Signed_http_interactions_are_verified_pinged_and_answered()
    {
        var generator = new Ed25519KeyPairGenerator();
        generator.Init(new Ed25519KeyGenerationParameters(new SecureRandom()));
        var pair = generator.GenerateKeyPair();
        var publicKey = Convert.ToHexString(((Ed25519PublicKeyParameters)pair.Public).GetEncoded()).ToLowerInvariant();
        await using var h = await DiscordHarness.StartAsync(x =>
        {
            x.Settings["Discord:PublicKey"] = publicKey;
            x.Settings["Discord:Gateway"] = "false";
            x.Settings["Discord:ApplicationId"] = FakeDiscord.ApplicationId;
        });
        using var http = new HttpClient { BaseAddress = h.HostAddress };

        HttpRequestMessage Signed(string body, bool forge = false)
        {
            var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(); // refused outside five minutes of now
            var signer = new Ed25519Signer();
            signer.Init(true, pair.Private);
            var bytes = Encoding.UTF8.GetBytes(timestamp + body);
            signer.BlockUpdate(bytes, 0, bytes.Length);
            var signature = signer.GenerateSignature();
            if (forge) signature[0] ^= 0xFF;
            var request = new HttpRequestMessage(HttpMethod.Post, "/discord/interactions") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Add("X-Signature-Ed25519", Convert.ToHexString(signature).ToLowerInvariant());
            request.Headers.Add("X-Signature-Timestamp", timestamp);
            return request;
        }

        var ping = """{"id":"1","application_id":"200000000000000002","type":1,"token":"t","version":1}""";
        var pong = await http.SendAsync(Signed(ping));
        Assert.Equal(HttpStatusCode.OK, pong.StatusCode);
        Assert.Equal("application/json", pong.Content.Headers.ContentType!.MediaType);
        Assert.Equal(1, JsonNode.Parse(await pong.Content.ReadAsStringAsync())!["type"]!.GetValue<int>());

        Assert.Equal(HttpStatusCode.Unauthorized, (await http.PostAsync("/discord/interactions", new StringContent(ping))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(Signed(ping, forge: true))).StatusCode);
        var tampered = Signed(ping);
        tampered.Content = new StringContent(ping.Replace("\"type\":1", "\"type\":2"), Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(tampered)).StatusCode);

        // The deferral is the response itself: no callback request, one round trip less within Discord's 3 seconds.
        var ask = FakeDiscord.SlashAsk("9401", "What are Zelensky's preconditions?").ToJsonString();
        var deferred = await http.SendAsync(Signed(ask));
        Assert.Equal(HttpStatusCode.OK, deferred.StatusCode);
        Assert.Equal(5, JsonNode.Parse(await deferred.Content.ReadAsStringAsync())!["type"]!.GetValue<int>());
        await h.Discord.WaitForAsync(d => d.Rest("PATCH", "token-9401/messages/@original").Any(c => Description(c.Body).Contains("withdraw")));
        Assert.Empty(h.Discord.Rest("POST", "/interactions/9401/"));

        // Button presses are interactions too: signature-checked, and answered with an ephemeral deferral in the body.
        var press = FakeDiscord.ButtonPress("9402", "fb:up:0123456789abcdef").ToJsonString();
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(Signed(press, forge: true))).StatusCode);
        var pressed = JsonNode.Parse(await (await http.SendAsync(Signed(press))).Content.ReadAsStringAsync())!;
        Assert.Equal(5, pressed["type"]!.GetValue<int>());
        Assert.Equal(64, pressed["data"]!["flags"]!.GetValue<int>());
        await h.Discord.WaitForAsync(d => d.Rest("PATCH", "token-9402/messages/@original").Any());
        Assert.Contains("no longer have that answer", h.Discord.Rest("PATCH", "token-9402/messages/@original").Single().Body!["content"]!.GetValue<string>());
        Assert.Empty(h.Discord.Connections); // HTTP only: no gateway
    }
}
