using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using TalksBot.Core.Health;
using TalksBot.Discord.Types;

namespace TalksBot.Discord.Gateway;

/// <summary>
/// One object owns the gateway connection's life: hello → heartbeats (the first jittered) carrying the last sequence →
/// identify or resume → dispatches, handed typed to the <see cref="IGatewayDispatchHandler"/>; zombie detection (no ACK
/// since the last heartbeat → close with 4000 and resume); resume on drops, op 7 and resumable close codes; re-identify
/// on invalid sessions; fatal close codes stop with one log line; reconnects back off with jitter. An opcode or event
/// it doesn't know is ignored (logged once), and an event it can't read is skipped with a warning: neither drops the
/// connection, which would only replay the same event after the resume.
/// </summary>
public sealed class DiscordGatewayClient(DiscordRestClient rest, IGatewayDispatchHandler handler, DiscordOptions options, TimeProvider time,
    ILogger<DiscordGatewayClient> logger, PlatformStatusBoard? status = null)
{
    private static readonly GatewayCloseCode[] FatalCodes =
    [
        GatewayCloseCode.AuthenticationFailed, GatewayCloseCode.InvalidShard, GatewayCloseCode.ShardingRequired,
        GatewayCloseCode.InvalidApiVersion, GatewayCloseCode.InvalidIntents, GatewayCloseCode.DisallowedIntents,
    ];

    private readonly GatewaySession _session = new();
    private readonly HashSet<string> _ignoredLogged = [];

    public GatewayIntents Intents => GatewayIntents.Guilds | GatewayIntents.GuildMessages | GatewayIntents.DirectMessages
        | (options.AnswerMentions ? GatewayIntents.MessageContent : GatewayIntents.None);

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
                gatewayUrl ??= (await rest.GetBotGatewayAsync(ct)).Url.TrimEnd('/');
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
                logger.LogGatewayConnectionFailed(ex.Message);
                status?.Report(DiscordService.Platform, PlatformState.Retrying, ex.Message);
                outcome = GatewayOutcome.Resume;
            }
            if (outcome == GatewayOutcome.Stopped) return;
            if (outcome == GatewayOutcome.Fatal)
            {
                logger.LogGatewayRefused();
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
        async Task SendAsync(GatewayPayload payload)
        {
            var bytes = JsonSerializer.SerializeToUtf8Bytes(payload, DiscordRestClient.Json);
            await sendLock.WaitAsync(connection.Token);
            try { await socket.SendAsync(bytes, WebSocketMessageType.Text, true, connection.Token); }
            finally { sendLock.Release(); }
        }
        GatewayPayload Heartbeat() => GatewayPayload.Create(GatewayOpCode.Heartbeat, _session.Sequence);

        var first = await ReceiveAsync(socket, connection.Token);
        if (first is not { Op: GatewayOpCode.Hello } || Read<HelloEvent>(first) is not { } hello) return Classify(socket);
        var interval = TimeSpan.FromMilliseconds(hello.HeartbeatInterval);
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
                    await SendAsync(Heartbeat());
                    await Task.Delay(interval, time, connection.Token);
                }
            }
            catch (OperationCanceledException) { }
            catch (WebSocketException) { }
        }, CancellationToken.None);

        if (resume) await SendAsync(GatewayPayload.Create(GatewayOpCode.Resume, new ResumeParams(options.BotToken!, _session.SessionId!, _session.Sequence)));
        else await SendAsync(GatewayPayload.Create(GatewayOpCode.Identify, new IdentifyParams(
            options.BotToken!,
            Intents,
            new IdentifyConnectionProperties(Environment.OSVersion.Platform.ToString().ToLowerInvariant(), "TalksBot", "TalksBot"),
            [options.ShardId, options.ShardCount])));

        try
        {
            while (true)
            {
                var receive = ReceiveAsync(socket, connection.Token);
                var next = await Task.WhenAny(receive, zombie.Task);
                if (next == zombie.Task)
                {
                    logger.LogHeartbeatsUnacknowledged();
                    await CloseAsync(socket, GatewayCloseCode.UnknownError);
                    return GatewayOutcome.Resume;
                }
                var payload = await receive;
                if (payload is null)
                {
                    if (socket.State is WebSocketState.Open) continue; // a frame that wasn't a payload: skipped
                    return Classify(socket);
                }
                switch (payload.Op)
                {
                    case GatewayOpCode.Dispatch:
                        _session.Sequence = payload.S ?? _session.Sequence;
                        await DispatchAsync(payload, connected, connection.Token);
                        break;
                    case GatewayOpCode.Heartbeat:
                        await SendAsync(Heartbeat());
                        break;
                    case GatewayOpCode.Reconnect:
                        await CloseAsync(socket, GatewayCloseCode.UnknownError);
                        return GatewayOutcome.Resume;
                    case GatewayOpCode.InvalidSession:
                        bool resumable = payload.D is { ValueKind: JsonValueKind.True };
                        await CloseAsync(socket, GatewayCloseCode.UnknownError);
                        return resumable ? GatewayOutcome.Resume : GatewayOutcome.Reidentify;
                    case GatewayOpCode.HeartbeatAck:
                        Volatile.Write(ref acked, true);
                        break;
                    default:
                        IgnoreOnce($"op {(int)payload.Op}", LogLevel.Warning);
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

    private async Task DispatchAsync(GatewayPayload payload, Action connected, CancellationToken ct)
    {
        try
        {
            switch (payload.T)
            {
                case GatewayEvents.Ready:
                    if (Read<ReadyEvent>(payload) is not { } ready) return;
                    _session.SessionId = ready.SessionId;
                    _session.ResumeUrl = ready.ResumeGatewayUrl;
                    Connected(GatewayEvents.Ready, connected);
                    await handler.OnReadyAsync(ready, ct);
                    break;
                case GatewayEvents.Resumed:
                    Connected(GatewayEvents.Resumed, connected);
                    break;
                case GatewayEvents.InteractionCreate:
                    if (Read<Interaction>(payload) is { } interaction) await handler.OnInteractionCreateAsync(interaction, ct);
                    break;
                case GatewayEvents.MessageCreate:
                    if (Read<Message>(payload) is { } message) await handler.OnMessageCreateAsync(message, ct);
                    break;
                default:
                    // GUILD_CREATE and the like come with the intents; TalksBot has no use for them.
                    IgnoreOnce(payload.T ?? "(unnamed event)", LogLevel.Debug);
                    break;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogGatewayEventFailed(ex, payload.T);
        }
    }

    private void Connected(string how, Action connected)
    {
        connected();
        status?.Report(DiscordService.Platform, PlatformState.Connected);
        SessionEvent?.Invoke(how);
    }

    /// <summary>The payload's "d" as <typeparamref name="T"/>; null (with a warning) when it can't be read as one.</summary>
    private T? Read<T>(GatewayPayload payload) where T : class
    {
        try
        {
            if (payload.D is { ValueKind: JsonValueKind.Object } d && d.Deserialize<T>(DiscordRestClient.Json) is { } value) return value;
            logger.LogPayloadWithoutData(Describe(payload));
        }
        catch (JsonException ex)
        {
            logger.LogPayloadUnreadable(Describe(payload), ex.Message);
        }
        return null;
    }

    private static string Describe(GatewayPayload payload) => payload.Op == GatewayOpCode.Dispatch ? $"a {payload.T} event" : $"op {(int)payload.Op} ({payload.Op})";

    private void IgnoreOnce(string what, LogLevel level)
    {
        lock (_ignoredLogged)
        {
            if (!_ignoredLogged.Add(what)) return;
        }
        logger.LogPayloadIgnored(level, what);
    }

    private GatewayOutcome Classify(ClientWebSocket socket)
    {
        var code = (GatewayCloseCode?)(int?)socket.CloseStatus;
        if (code is { } c && FatalCodes.Contains(c))
        {
            logger.LogGatewayClosed((int)c, c, socket.CloseStatusDescription);
            return GatewayOutcome.Fatal;
        }
        return code is GatewayCloseCode.InvalidSeq or GatewayCloseCode.SessionTimedOut ? GatewayOutcome.Reidentify : GatewayOutcome.Resume;
    }

    private static async Task CloseAsync(ClientWebSocket socket, GatewayCloseCode code)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            // Any code but 1000/1001 keeps the session resumable.
            await socket.CloseOutputAsync((WebSocketCloseStatus)code, "reconnecting", timeout.Token);
        }
        catch (Exception) { }
    }

    /// <returns>The next payload; null when the connection closed, or (with the socket still open) when the frame wasn't JSON.</returns>
    private async Task<GatewayPayload?> ReceiveAsync(ClientWebSocket socket, CancellationToken ct)
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
        try
        {
            return JsonSerializer.Deserialize<GatewayPayload>(message.GetBuffer().AsSpan(0, (int)message.Length), DiscordRestClient.Json);
        }
        catch (JsonException ex)
        {
            logger.LogFrameUnreadable(ex.Message);
            return null;
        }
    }
}
