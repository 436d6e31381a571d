using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;
using TalksBot.Testing;

namespace TalksBot.Discord.Tests;

/// <summary>
/// Two bot hosts on one PostgreSQL database behind one interactions URL, as behind a load balancer: signed HTTP
/// interactions spread over both (and a retry that reaches both) are answered once each, and a follow-up that lands on
/// the other instance is read in its conversation.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class SeveralInstancesTests(PostgresServer server) : IAsyncLifetime
{
    private readonly AsymmetricCipherKeyPair _pair = NewKeyPair();
    private FakeDiscord _discord = null!;
    private DiscordHarness _first = null!, _second = null!;
    private HttpClient _toFirst = null!, _toSecond = null!;

    public async Task InitializeAsync()
    {
        var connectionString = await server.CreateDatabaseAsync();
        var publicKey = Convert.ToHexString(((Ed25519PublicKeyParameters)_pair.Public).GetEncoded()).ToLowerInvariant();
        void Instance(DiscordHarness x)
        {
            x.Settings["Discord:PublicKey"] = publicKey;
            x.Settings["Discord:Gateway"] = "false";
            x.Settings["Discord:ApplicationId"] = FakeDiscord.ApplicationId;
            x.Settings["Index:Provider"] = "postgres";
            x.Settings["ConnectionStrings:TalksBot"] = connectionString;
        }
        _discord = await FakeDiscord.StartAsync();
        _first = await DiscordHarness.StartAsync(Instance, _discord);
        _second = await DiscordHarness.StartAsync(Instance, _discord);
        _toFirst = new HttpClient { BaseAddress = _first.HostAddress };
        _toSecond = new HttpClient { BaseAddress = _second.HostAddress };
    }

    public async Task DisposeAsync()
    {
        _toFirst.Dispose();
        _toSecond.Dispose();
        await _first.StopAsync();
        await _second.StopAsync();
        await _discord.DisposeAsync();
    }

    [Fact]
    public async Task Interactions_spread_over_two_instances_and_retried_on_both_are_each_answered_exactly_once()
    {
        var questions = new[]
        {
            "What are Zelensky's preconditions?",
            "What did Putin say at the press conference in Kazakhstan?",
            "What did Lavrov offer?",
            "What are Zelensky's preconditions?",
        };
        var interactions = new List<JsonObject>();
        for (int i = 0; i < questions.Length; i++) interactions.Add(InChannel(FakeDiscord.SlashAsk($"95{i:00}", questions[i]), $"41{i}"));

        // Alternating instances, one delivery each.
        for (int i = 0; i < interactions.Count; i++)
        {
            var response = await PostAsync(i % 2 == 0 ? _toFirst : _toSecond, interactions[i]);
            Assert.Equal(5, response["type"]!.GetValue<int>());
        }

        // A load balancer's retry: the same signed interaction reaches both instances at once.
        var retried = new List<JsonObject>
        {
            InChannel(FakeDiscord.SlashAsk("9590", "What did Putin say at the press conference in Kazakhstan?"), "420"),
            InChannel(FakeDiscord.SlashAsk("9591", "What are Zelensky's preconditions?"), "421"),
            FakeDiscord.Slash("9592", "sources", "0"),
        };
        foreach (var interaction in retried)
        {
            var responses = await Task.WhenAll(PostAsync(_toFirst, interaction), PostAsync(_toSecond, interaction));
            // Both acknowledge it the same way (Discord keeps whichever arrives): a public deferral for a question, an ephemeral one otherwise.
            Assert.Equal(responses[0].ToJsonString(), responses[1].ToJsonString());
            Assert.Equal(5, responses[0]["type"]!.GetValue<int>());
        }
        Assert.Equal(64, (await PostAsync(_toFirst, FakeDiscord.Slash("9593", "sources", "0")))["data"]!["flags"]!.GetValue<int>());
        interactions.AddRange(retried);

        await _discord.WaitForAsync(d => interactions.All(i => Edits(d, i).Any()));
        await _first.DrainAsync();
        await _second.DrainAsync();
        foreach (var interaction in interactions)
        {
            var edit = Assert.Single(Edits(_discord, interaction));
            Assert.False(string.IsNullOrWhiteSpace(Description(edit.Body) + edit.Body?["content"]));
        }
        Assert.Empty(_discord.Rest("POST", "/interactions/")); // deferred in the HTTP response, never by a callback

        // Each retried interaction was let go by exactly one of the two instances, which said why.
        var letGo = _first.Logs.Concat(_second.Logs).Where(l => l.Contains("was taken by another instance")).ToList();
        Assert.Equal(retried.Count, letGo.Count);
        foreach (var interaction in retried) Assert.Single(letGo, l => l.Contains(Id(interaction)));
    }

    [Fact]
    public async Task A_follow_up_that_lands_on_the_other_instance_is_read_in_its_conversation()
    {
        // Given a question answered by the first instance in channel 430,
        var first = InChannel(FakeDiscord.SlashAsk("9601", "What are Zelensky's preconditions?"), "430");
        await PostAsync(_toFirst, first);
        await _discord.WaitForAsync(d => Edits(d, first).Any());
        await _first.DrainAsync();

        // when the follow-up in that channel goes to the second instance,
        var followUp = InChannel(FakeDiscord.SlashAsk("9602", "and what about Russia's?"), "430");
        await PostAsync(_toSecond, followUp);
        // and, to compare, the question it stands for is asked outright elsewhere, and the follow-up alone in a new channel,
        var outright = InChannel(FakeDiscord.SlashAsk("9603", "What are Russia's preconditions?"), "431");
        await PostAsync(_toSecond, outright);
        var alone = InChannel(FakeDiscord.SlashAsk("9604", "and what about Russia's?"), "432");
        await PostAsync(_toFirst, alone);
        await _discord.WaitForAsync(d => new[] { followUp, outright, alone }.All(i => Edits(d, i).Any()));

        // then the follow-up got the answer to "What are Russia's preconditions?", which it can't get without its history.
        string Answer(JsonObject interaction) => Body(Assert.Single(Edits(_discord, interaction)).Body);
        Assert.Equal(Answer(outright), Answer(followUp));
        Assert.NotEqual(Answer(alone), Answer(followUp));
        Assert.NotEqual(Answer(first), Answer(followUp));
    }

    /// <summary>What an answer says and cites, without the question it is headed with.</summary>
    private static string Body(JsonNode? body) =>
        Description(body) + "|" + string.Join("|", FirstEmbed(body)?["fields"]?.AsArray().Select(f => f!["name"]!.GetValue<string>()) ?? []) + "|" + body?["content"];

    private static string Description(JsonNode? body) => FirstEmbed(body)?["description"]?.GetValue<string>() ?? "";

    private static JsonNode? FirstEmbed(JsonNode? body) => body?["embeds"] is JsonArray { Count: > 0 } embeds ? embeds[0] : null;

    private static string Id(JsonObject interaction) => interaction["id"]!.GetValue<string>();

    private static IEnumerable<(string Method, string Path, JsonNode? Body)> Edits(FakeDiscord discord, JsonObject interaction) =>
        discord.Rest("PATCH", $"/webhooks/{FakeDiscord.ApplicationId}/token-{Id(interaction)}/messages/@original");

    private static JsonObject InChannel(JsonObject interaction, string channel)
    {
        interaction["channel_id"] = channel;
        return interaction;
    }

    private async Task<JsonNode> PostAsync(HttpClient http, JsonObject interaction)
    {
        var body = interaction.ToJsonString();
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(); // refused outside five minutes of now
        var signer = new Ed25519Signer();
        signer.Init(true, _pair.Private);
        var bytes = Encoding.UTF8.GetBytes(timestamp + body);
        signer.BlockUpdate(bytes, 0, bytes.Length);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/discord/interactions") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Signature-Ed25519", Convert.ToHexString(signer.GenerateSignature()).ToLowerInvariant());
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private static AsymmetricCipherKeyPair NewKeyPair()
    {
        var generator = new Ed25519KeyPairGenerator();
        generator.Init(new Ed25519KeyGenerationParameters(new SecureRandom()));
        return generator.GenerateKeyPair();
    }
}
