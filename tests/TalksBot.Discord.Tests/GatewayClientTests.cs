using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using TalksBot.Discord.Gateway;
using TalksBot.Discord.Types;
using TalksBot.Testing;

namespace TalksBot.Discord.Tests;

/// <summary>
/// The gateway client on its own against the fake Discord: the connection's life is the client's, what the events mean
/// is the <see cref="IGatewayDispatchHandler"/>'s, and what reaches the handler is typed.
/// </summary>
public sealed class GatewayClientTests : IAsyncLifetime
{
    private FakeDiscord _discord = null!;
    private readonly LogRecorder _logs = new();
    private readonly RecordingHandler _handler = new();
    private readonly CancellationTokenSource _stop = new();
    private ILoggerFactory _loggers = null!;
    private HttpClient _http = null!;
    private Task _run = Task.CompletedTask;

    public async Task InitializeAsync()
    {
        _discord = await FakeDiscord.StartAsync();
        var options = new DiscordOptions { BotToken = "discord-test-token", ApiBaseUrl = _discord.ApiBase, ReconnectBaseMilliseconds = 20, RetryBaseMilliseconds = 10, ShardId = 0, ShardCount = 1 };
        _loggers = LoggerFactory.Create(b => b.AddProvider(new RecordingLoggerProvider(_logs, LogLevel.Debug)).SetMinimumLevel(LogLevel.Debug));
        _http = new HttpClient();
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("DiscordBot (https://example.org, 1.0)");
        var rest = new DiscordRestClient(_http, options);
        var client = new DiscordGatewayClient(rest, _handler, options, TimeProvider.System, _loggers.CreateLogger<DiscordGatewayClient>());
        _run = client.RunAsync(_stop.Token);
        await _handler.Ready.Task.WaitAsync(TimeSpan.FromSeconds(20));
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        await _run.WaitAsync(TimeSpan.FromSeconds(10));
        _http.Dispose();
        _loggers.Dispose();
        await _discord.DisposeAsync();
        _stop.Dispose();
    }

    [Fact]
    public async Task Ready_reaches_the_handler_typed_and_identify_carries_the_typed_parameters()
    {
        var ready = await _handler.Ready.Task;
        Assert.Equal("session-1", ready.SessionId);
        Assert.Equal(FakeDiscord.BotUserId, ready.User.Id);
        Assert.Equal(FakeDiscord.ApplicationId, ready.Application?.Id);
        Assert.EndsWith("/resume", ready.ResumeGatewayUrl);

        var identify = _discord.GatewayReceived.Single(p => p["op"]!.GetValue<int>() == (int)GatewayOpCode.Identify)["d"]!;
        Assert.Equal("discord-test-token", identify["token"]!.GetValue<string>());
        Assert.Equal((int)(GatewayIntents.Guilds | GatewayIntents.GuildMessages | GatewayIntents.DirectMessages), identify["intents"]!.GetValue<int>());
        Assert.Equal([0, 1], identify["shard"]!.AsArray().Select(n => n!.GetValue<int>()));
        Assert.Equal("TalksBot", identify["properties"]!["browser"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unknown_opcodes_and_events_and_an_unreadable_event_are_skipped_without_dropping_the_connection()
    {
        // An opcode Discord may add later, twice; an event TalksBot has no use for; an interaction whose member isn't an object.
        await _discord.SendRawAsync(new JsonObject { ["op"] = 42, ["d"] = new JsonObject() });
        await _discord.SendRawAsync(new JsonObject { ["op"] = 42, ["d"] = new JsonObject() });
        await _discord.DispatchAsync("GUILD_CREATE", new JsonObject { ["id"] = "300" });
        await _discord.DispatchAsync("GUILD_CREATE", new JsonObject { ["id"] = "301" });
        var unreadable = FakeDiscord.SlashAsk("9701", "What are Zelensky's preconditions?");
        unreadable["member"] = "not an object";
        await _discord.DispatchAsync("INTERACTION_CREATE", unreadable);
        await _discord.DispatchAsync("MESSAGE_CREATE", FakeDiscord.MessageCreate("boom", "the handler throws on this one", "300", mentionBot: true));
        await _discord.DispatchAsync("INTERACTION_CREATE", FakeDiscord.SlashAsk("9702", "What did Putin say in Kazakhstan?"));

        var interaction = await _handler.NextInteraction.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal("9702", interaction.Id);
        Assert.Equal(InteractionType.ApplicationCommand, interaction.Type);
        var option = Assert.Single(interaction.Data!.Options!);
        Assert.Equal(ApplicationCommandOptionType.String, option.Type);
        Assert.Equal("What did Putin say in Kazakhstan?", option.StringValue);
        Assert.Single(_handler.Interactions);

        // The sequence counts every dispatch, used or not: asked for a heartbeat, the client sends the last one (READY was 1, the last interaction 6).
        await _discord.SendRawAsync(new JsonObject { ["op"] = (int)GatewayOpCode.Heartbeat });
        await _discord.WaitForAsync(d => d.GatewayReceived.Any(p => p["op"]!.GetValue<int>() == 1 && p["d"]?.GetValue<long>() == 6));

        Assert.Single(_logs, l => l.StartsWith("Warning") && l.Contains("op 42"));
        Assert.Single(_logs, l => l.StartsWith("Debug") && l.Contains("GUILD_CREATE"));
        Assert.Single(_logs, l => l.StartsWith("Warning") && l.Contains("INTERACTION_CREATE") && l.Contains("skipped"));
        Assert.Single(_logs, l => l.StartsWith("Error") && l.Contains("MESSAGE_CREATE"));
        Assert.Single(_discord.Connections);
        Assert.DoesNotContain(_discord.GatewayReceived, p => p["op"]!.GetValue<int>() == (int)GatewayOpCode.Resume);
    }

    private sealed class RecordingHandler : IGatewayDispatchHandler
    {
        public TaskCompletionSource<ReadyEvent> Ready { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource<Interaction> NextInteraction { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public ConcurrentQueue<Interaction> Interactions { get; } = new();

        public Task OnReadyAsync(ReadyEvent ready, CancellationToken cancellationToken)
        {
            Ready.TrySetResult(ready);
            return Task.CompletedTask;
        }

        public Task OnInteractionCreateAsync(Interaction interaction, CancellationToken cancellationToken)
        {
            Interactions.Enqueue(interaction);
            NextInteraction.TrySetResult(interaction);
            return Task.CompletedTask;
        }

        public Task OnMessageCreateAsync(Message message, CancellationToken cancellationToken) =>
            message.Id == "boom" ? throw new InvalidOperationException("the handler failed") : Task.CompletedTask;
    }
}
