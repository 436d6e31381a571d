using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using TalksBot.Core.Health;
using TalksBot.Discord.Types;

namespace TalksBot.Discord.Gateway;

/// <summary>
/// One object owns the gateway connection's life: hello → heartbeats (the first jittered) carrying the last sequence →
/// identify or resume → dispatches; zombie detection (no ACK since the last heartbeat → close with 4000 and resume);
/// resume on drops, op 7 and resumable close codes; re-identify on invalid sessions; fatal close codes stop with one
/// log line; reconnects back off with jitter.
/// </summary>
public sealed class DiscordGatewayClient(DiscordRestClient rest, DiscordBot bot, DiscordOptions options, TimeProvider time, ILogger<DiscordGatewayClient> logger,
    PlatformStatusBoard? status = null)
{
    public const int Guilds = 1 << 0, GuildMessages = 1 << 9, DirectMessages = 1 << 12, MessageContent = 1 << 15;
    private static readonly int[] FatalCodes = [4004, 4010, 4011, 4012, 4013, 4014];

    private readonly GatewaySession _session = new();
    private bool _commandsRegistered;

    public int Intents => Guilds | GuildMessages | DirectMessages | (options.AnswerMentions ? MessageContent : 0);

    /// <summary>Raised when a (re)connection is established: READY or RESUMED. For tests and metrics.</summary>
    public event Action<string>? SessionEvent;

    public async Task RunAsync(CancellationToken ct)
    {
        string? gatewayUrl = null;
        int failures = 0;
        while (!ct.IsCancellationRequested)
        {
            GatewayOutcome outcome;
            try
            {
                gatewayUrl ??= (await rest.GetGatewayUrlAsync(ct)).TrimEnd('/');
                var resume = _session.CanResume;
                var url = $"{(resume ? _session.ResumeUrl!.TrimEnd('/') : gatewayUrl)}/?v=10&encoding=json";
                outcome = await RunConnectionAsync(new Uri(url), resume, () => failures = 0, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (DiscordApiException ex) when (ex.Status == 401)
            {
                outcome = GatewayOutcome.Fatal;
            }
            catch (Exception ex)
            {
                logger.LogWarning("Discord gateway connection failed: {Reason}", ex.Message);
                status?.Report(DiscordService.Platform, PlatformState.Retrying, ex.Message);
                outcome = GatewayOutcome.Resume;
            }
            if (outcome == GatewayOutcome.Stopped) return;
            if (outcome == GatewayOutcome.Fatal)
            {
                logger.LogCritical("Discord refused the connection for good (bad token, shard or intents). Check Discord:BotToken, Discord:ShardId/ShardCount and the MESSAGE_CONTENT intent in the Developer Portal; the Discord side is stopped, everything else keeps running.");
                status?.Report(DiscordService.Platform, PlatformState.Stopped, "gateway refused the connection for good (token, shard or intents)");
                return;
            }
            status?.Report(DiscordService.Platform, PlatformState.Retrying, "gateway connection closed; reconnecting");
            if (outcome == GatewayOutcome.Reidentify) _session.Forget();
            var delay = TimeSpan.FromMilliseconds(options.ReconnectBaseMilliseconds * Math.Pow(2, Math.Min(failures, 6)) * (0.5 + Random.Shared.NextDouble()));
            failures++;
            try { await Task.Delay(delay, time, ct); } catch (OperationCanceledException) { return; }
        }
    }

    private async Task<GatewayOutcome> RunConnectionAsync(Uri url, bool resume, Action connected, CancellationToken ct)
    {
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(url, ct);
        using var connection = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var sendLock = new SemaphoreSlim(1, 1);
        async Task SendAsync(object payload)
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(payload, DiscordRestClient.Json);
            await sendLock.WaitAsync(connection.Token);
            try { await socket.SendAsync(bytes, WebSocketMessageType.Text, true, connection.Token); }
            finally { sendLock.Release(); }
        }

        var hello = await ReceiveAsync(socket, connection.Token);
        if (hello is null || hello["op"]?.GetValue<int>() != 10) return Classify(socket);
        var interval = TimeSpan.FromMilliseconds(hello["d"]!["heartbeat_interval"]!.GetValue<double>());
        bool acked = true;
        var zombie = new TaskCompletionSource();
        var heartbeats = Task.Run(async () =>
        {
            try
            {
                await Task.Delay(interval * Random.Shared.NextDouble(), time, connection.Token);
                while (!connection.IsCancellationRequested)
                {
                    if (!Volatile.Read(ref acked))
                    {
                        zombie.TrySetResult();
                        return;
                    }
                    Volatile.Write(ref acked, false);
                    await SendAsync(new { op = 1, d = _session.Sequence });
                    await Task.Delay(interval, time, connection.Token);
                }
            }
            catch (OperationCanceledException) { }
            catch (WebSocketException) { }
        }, CancellationToken.None);

        if (resume) await SendAsync(new { op = 6, d = new { token = options.BotToken, session_id = _session.SessionId, seq = _session.Sequence } });
        else await SendAsync(new
        {
            op = 2,
            d = new
            {
                token = options.BotToken,
                intents = Intents,
                properties = new Dictionary<string, string> { ["os"] = Environment.OSVersion.Platform.ToString().ToLowerInvariant(), ["browser"] = "TalksBot", ["device"] = "TalksBot" },
                shard = new[] { options.ShardId, options.ShardCount },
            },
        });

        try
        {
            while (true)
            {
                var receive = ReceiveAsync(socket, connection.Token);
                var first = await Task.WhenAny(receive, zombie.Task);
                if (first == zombie.Task)
                {
                    logger.LogWarning("Discord gateway stopped acknowledging heartbeats; reconnecting to resume");
                    await CloseAsync(socket, 4000);
                    return GatewayOutcome.Resume;
                }
                var payload = await receive;
                if (payload is null) return Classify(socket);
                switch (payload["op"]?.GetValue<int>())
                {
                    case 0:
                        _session.Sequence = payload["s"]?.GetValue<long>() ?? _session.Sequence;
                        Dispatch(payload["t"]?.GetValue<string>(), payload["d"], connected, connection.Token);
                        break;
                    case 1:
                        await SendAsync(new { op = 1, d = _session.Sequence });
                        break;
                    case 7:
                        await CloseAsync(socket, 4000);
                        return GatewayOutcome.Resume;
                    case 9:
                        bool resumable = payload["d"]?.GetValue<bool>() == true;
                        await CloseAsync(socket, 4000);
                        return resumable ? GatewayOutcome.Resume : GatewayOutcome.Reidentify;
                    case 11:
                        Volatile.Write(ref acked, true);
                        break;
                }
            }
        }
        catch (WebSocketException)
        {
            return GatewayOutcome.Resume; // dropped without a close frame
        }
        finally
        {
            await connection.CancelAsync();
            try { await heartbeats; } catch { }
        }
    }

    private void Dispatch(string? type, JsonNode? data, Action connected, CancellationToken ct)
    {
        switch (type)
        {
            case "READY":
                _session.SessionId = data?["session_id"]?.GetValue<string>();
                _session.ResumeUrl = data?["resume_gateway_url"]?.GetValue<string>();
                bot.BotUserId = data?["user"]?["id"]?.GetValue<string>();
                connected();
                status?.Report(DiscordService.Platform, PlatformState.Connected);
                SessionEvent?.Invoke("READY");
                if (!_commandsRegistered)
                {
                    _commandsRegistered = true;
                    var appId = data?["application"]?["id"]?.GetValue<string>();
                    _ = Task.Run(async () =>
                    {
                        try { await bot.RegisterCommandsAsync(appId, ct); }
                        catch (Exception ex) when (ex is not OperationCanceledException) { logger.LogError("Registering Discord commands failed: {Reason}", ex.Message); }
                    }, CancellationToken.None);
                }
                break;
            case "RESUMED":
                connected();
                status?.Report(DiscordService.Platform, PlatformState.Connected);
                SessionEvent?.Invoke("RESUMED");
                break;
            case "INTERACTION_CREATE":
                var interaction = data.Deserialize<Interaction>(DiscordRestClient.Json);
                // Acknowledge from the receive loop (the 3-second deadline); the answer runs on its own.
                if (interaction is not null) _ = AnswerInteractionAsync(interaction, ct);
                break;
            case "MESSAGE_CREATE":
                var message = data.Deserialize<Message>(DiscordRestClient.Json);
                if (message is not null) bot.RunInBackground(c => bot.HandleMessageAsync(message, c), $"message {message.Id}");
                break;
        }
    }

    private async Task AnswerInteractionAsync(Interaction interaction, CancellationToken ct)
    {
        try
        {
            var (response, then) = bot.Accept(interaction);
            if (then is null && response == InteractionResponse.Deferred) return; // a replay: acknowledged before
            await rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, response, ct);
            if (then is not null) bot.RunInBackground(then, $"interaction {interaction.Id}");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Discord interaction {Interaction} failed", interaction.Id);
        }
    }

    private GatewayOutcome Classify(ClientWebSocket socket)
    {
        var code = (int?)socket.CloseStatus;
        if (code is { } c && FatalCodes.Contains(c))
        {
            logger.LogError("Discord closed the gateway with {Code}: {Reason}", c, socket.CloseStatusDescription);
            return GatewayOutcome.Fatal;
        }
        return code is 4007 or 4009 ? GatewayOutcome.Reidentify : GatewayOutcome.Resume;
    }

    private static async Task CloseAsync(ClientWebSocket socket, int code)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            // Any code but 1000/1001 keeps the session resumable.
            await socket.CloseOutputAsync((WebSocketCloseStatus)code, "reconnecting", timeout.Token);
        }
        catch (Exception) { }
    }

    private static async Task<JsonNode?> ReceiveAsync(ClientWebSocket socket, CancellationToken ct)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, ct);
            if (result.MessageType == WebSocketMessageType.Close) return null;
            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage) break; // a payload may span several frames
        }
        return JsonNode.Parse(Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length));
    }
}
