using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TalksBot.Core.Conversations;
using TalksBot.Core.Indexing;
using TalksBot.Index.Postgres;
using TalksBot.Testing;

namespace TalksBot.Discord.Tests;

/// <summary>
/// The claim store (PostgreSQL, shared by several instances) can't be reached when an interaction comes in. The
/// documented choice (README, "PostgreSQL and several instances"): the instance answers anyway — a rare double answer
/// beats a failed interaction — and says so in one warning line. When the whole database is gone (index included),
/// the user gets the chat's plain error instead of an answer. Neither case shows a user or the log a stack trace, and
/// the connection string's password appears nowhere.
/// </summary>
public sealed class ClaimStoreUnreachableTests
{
    private const string Password = "claim-store-secret-pw";

    [Fact]
    public async Task An_interaction_is_answered_when_the_claim_store_is_unreachable_and_the_log_says_why_in_one_line()
    {
        // A real PostgreSQL claim store whose server is not there: a loopback port nobody listens on.
        int deadPort = UnusedPort();
        var database = new PostgresDatabase($"Host=127.0.0.1;Port={deadPort};Database=talksbot;Username=talksbot;Password={Password};Timeout=5");
        await using var h = await DiscordHarness.StartAsync(x => x.ConfigureServices = services =>
            services.AddSingleton<IClaimStore>(new PostgresClaimStore(database, TimeProvider.System)));
        try
        {
            await h.Discord.WaitForAsync(Ready);
            await h.Discord.DispatchAsync("INTERACTION_CREATE", FakeDiscord.SlashAsk("9801", "What are Zelensky's preconditions?"));

            // Deferred at once, then the answer with its numbered sources, as with a reachable store.
            await h.Discord.WaitForAsync(d => d.Rest("PATCH", "token-9801/messages/@original").Any(c => c.Body?["embeds"]?[0]?["fields"] is JsonArray { Count: > 0 }));
            await h.DrainAsync();
            Assert.Equal(5, h.Discord.Rest("POST", "/interactions/9801/token-9801/callback").Single().Body!["type"]!.GetValue<int>());
            var answer = h.Discord.Rest("PATCH", "token-9801/messages/@original").Last().Body!;
            Assert.Contains("Zelensky", answer["embeds"]![0]!["description"]!.GetValue<string>());
            Assert.DoesNotContain(ChatTexts.SomethingWentWrong, answer.ToJsonString());

            // One warning naming the interaction and where the store is (never the password), no stack trace anywhere.
            var warning = Assert.Single(h.Logs, l => l.Contains("Claiming Discord interaction 9801"));
            Assert.StartsWith("Warning:", warning);
            Assert.Contains($"postgresql://127.0.0.1:{deadPort}/talksbot", warning);
            Assert.Contains("answering it here", warning);
            // Marking the answered claim done fails too: one more warning, not an error about a failed interaction.
            Assert.StartsWith("Warning:", Assert.Single(h.Logs, l => l.Contains("Discord interaction 9801 was answered, but marking its claim done")));
            AssertNoLeaks(h);
            Assert.DoesNotContain(h.Logs, l => l.StartsWith("Error:", StringComparison.Ordinal) || l.StartsWith("Critical:", StringComparison.Ordinal));
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    [Fact]
    public async Task When_the_shared_database_stops_an_interaction_gets_the_plain_error_and_no_stack_trace()
    {
        // Its own cluster, which this test stops: the shared fixture's stays up for the other tests.
        var server = new PostgresServer();
        await server.InitializeAsync();
        try
        {
            var connectionString = await server.CreateDatabaseAsync() + $";Password={Password};Timeout=5";
            await using var h = await DiscordHarness.StartAsync(x =>
            {
                x.Settings["Index:Provider"] = "postgres";
                x.Settings["ConnectionStrings:TalksBot"] = connectionString;
            });
            // Given an instance answering from PostgreSQL,
            await h.Discord.WaitForAsync(Ready);
            await h.Discord.DispatchAsync("INTERACTION_CREATE", FakeDiscord.SlashAsk("9811", "What are Zelensky's preconditions?"));
            await h.Discord.WaitForAsync(d => d.Rest("PATCH", "token-9811/messages/@original").Any(c => c.Body?["embeds"]?[0]?["fields"] is JsonArray { Count: > 0 }));
            await h.DrainAsync();

            // when the database server goes away,
            await server.DisposeAsync();
            await h.Discord.DispatchAsync("INTERACTION_CREATE", FakeDiscord.SlashAsk("9812", "What did Lavrov offer?"));

            // then the interaction is still acknowledged and then told plainly that something went wrong.
            await h.Discord.WaitForAsync(d => d.Rest("PATCH", "token-9812/messages/@original").Any(), TimeSpan.FromSeconds(60));
            await h.DrainAsync();
            Assert.Equal(5, h.Discord.Rest("POST", "/interactions/9812/token-9812/callback").Single().Body!["type"]!.GetValue<int>());
            var reply = h.Discord.Rest("PATCH", "token-9812/messages/@original").Last().Body!.ToJsonString();
            Assert.Contains(ChatTexts.SomethingWentWrong, JsonNode.Parse(reply)!["content"]?.GetValue<string>() ?? reply);
            Assert.Contains(h.Logs, l => l.Contains("Claiming Discord interaction 9812") && l.StartsWith("Warning:", StringComparison.Ordinal));
            AssertNoLeaks(h);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    /// <summary>Identified on the gateway, commands registered: a dispatch now reaches the bot.</summary>
    private static bool Ready(FakeDiscord d) => d.GatewayReceived.Any(p => p["op"]!.GetValue<int>() == 2) && d.Rest("PUT", "/commands").Any();

    /// <summary>No reply carries an exception or a stack trace; no reply or log line carries the password.</summary>
    private static void AssertNoLeaks(DiscordHarness h)
    {
        foreach (var (_, _, body) in h.Discord.Rest("PATCH", "/messages/").Concat(h.Discord.Rest("POST", "/")))
        {
            var text = body?.ToJsonString() ?? "";
            Assert.DoesNotContain("Exception", text);
            Assert.DoesNotContain("   at ", text);
            Assert.DoesNotContain("Npgsql", text);
            Assert.DoesNotContain(Password, text);
        }
        Assert.DoesNotContain(h.Logs, l => l.Contains(Password));
        Assert.DoesNotContain(h.Logs, l => l.Contains("Claiming Discord interaction") && l.Contains("   at "));
    }

    private static int UnusedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
