using System.Collections.Concurrent;
using System.Numerics;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using TalksBot.Core.Answering;
using TalksBot.Core.Conversations;
using TalksBot.Core.Indexing;
using TalksBot.Core.Moderation;
using TalksBot.Discord.Types;

namespace TalksBot.Discord;

/// <summary>
/// What the bot does with an interaction or a message: slash commands (/ask, /sources, /status, /refresh, /source),
/// and, when enabled, mentions and DMs — all through the shared conversation pipeline. Every interaction is
/// acknowledged at once (deferred) and the answer edited in; refusals are ephemeral.
/// </summary>
public sealed partial class DiscordBot(
    DiscordRestClient rest,
    DiscordOptions options,
    ConversationPipeline pipeline,
    IndexMaintenance maintenance,
    SourceCatalog catalog,
    ChatModeration moderation,
    TimeProvider time,
    ILogger<DiscordBot> logger) : IDisposable
{
    private static readonly BigInteger ManageGuild = 1 << 5, Administrator = 1 << 3;
    private readonly HashSet<string> _seen = [];
    // Answers queue here so they never take the threads that acknowledge new interactions within Discord's 3 s.
    private readonly SemaphoreSlim _work = new(Environment.ProcessorCount);
    private readonly ConcurrentDictionary<Task, byte> _running = new();
    private readonly CancellationTokenSource _abort = new();
    private string? _applicationId = options.ApplicationId;

    public string? BotUserId { get; set; }

    public string ApplicationId => _applicationId ?? throw new InvalidOperationException("The application id is not known yet (set Discord:ApplicationId or wait for READY).");

    public static IReadOnlyList<ApplicationCommand> Commands { get; } =
    [
        new("ask", "Ask about the Russia–Ukraine peace talks", [new ApplicationCommandOption(3, "question", "Your question", Required: true)]),
        new("sources", "What TalksBot reads"),
        new("status", "Index status (moderators)", DefaultMemberPermissions: "32"),
        new("refresh", "Refresh the articles (moderators)", DefaultMemberPermissions: "32"),
        new("source", "Add or remove a source (moderators)",
        [
            new ApplicationCommandOption(1, "add", "Add a feed or article URL", Options: [new ApplicationCommandOption(3, "location", "URL", Required: true)]),
            new ApplicationCommandOption(1, "remove", "Remove a source", Options: [new ApplicationCommandOption(3, "location", "URL", Required: true)]),
        ], DefaultMemberPermissions: "32"),
    ];

    /// <summary>Registers the commands (bulk overwrite, globally or per configured guild).</summary>
    public async Task RegisterCommandsAsync(string? applicationIdFromReady, CancellationToken ct)
    {
        _applicationId ??= applicationIdFromReady ?? await rest.GetApplicationIdAsync(ct);
        if (options.GuildIds.Count == 0) await rest.BulkOverwriteCommandsAsync(ApplicationId, null, Commands, ct);
        foreach (var guild in options.GuildIds) await rest.BulkOverwriteCommandsAsync(ApplicationId, guild, Commands, ct);
    }

    /// <summary>
    /// The immediate response to an interaction (PONG, deferred, or an ephemeral refusal) and the work to do after it.
    /// Replayed interactions (a resumed gateway) are acknowledged once.
    /// </summary>
    public (InteractionResponse Response, Func<CancellationToken, Task>? Then) Accept(Interaction interaction)
    {
        if (interaction.TypeNumber == 1) return (InteractionResponse.Pong, null);
        lock (_seen)
        {
            if (!_seen.Add(interaction.Id)) return (InteractionResponse.Deferred, null);
            if (_seen.Count > 10_000) _seen.Clear();
        }
        _applicationId ??= interaction.ApplicationId;
        if (interaction.TypeNumber != 2 || interaction.Data is null) return (Ephemeral("That kind of interaction isn't supported."), null);
        var data = interaction.Data;
        bool moderatorCommand = data.Name is "status" or "refresh" or "source";
        if (moderatorCommand && !IsModerator(interaction)) return (Ephemeral(ChatTexts.ModeratorsOnly), null);
        if (data.Name == "refresh" && maintenance.IsRefreshing) return (Ephemeral(ChatTexts.RefreshAlreadyRunning), null);
        return (InteractionResponse.Deferred, async ct =>
        {
            await _work.WaitAsync(ct);
            try { await RunCommandAsync(interaction, ct); }
            finally { _work.Release(); }
        });
    }

    /// <summary>
    /// Runs answer work off the caller's path (the gateway's receive loop, an HTTP request) on the bot's own token:
    /// a host that starts stopping lets it finish, since an answer cut off would leave "thinking…" until its token expires.
    /// </summary>
    public void RunInBackground(Func<CancellationToken, Task> work, string what)
    {
        var task = Task.Run(async () =>
        {
            try { await work(_abort.Token); }
            catch (OperationCanceledException) when (_abort.IsCancellationRequested) { }
            catch (Exception ex) { logger.LogError(ex, "Discord {Work} failed", what); }
        });
        _running.TryAdd(task, 0);
        task.ContinueWith(t => _running.TryRemove(t, out _), TaskScheduler.Default);
    }

    /// <summary>Waits for the work in hand; cancels it when <paramref name="deadline"/> (the host's shutdown timeout) fires.</summary>
    public async Task DrainAsync(CancellationToken deadline)
    {
        using var abort = deadline.Register(() =>
        {
            try { _abort.Cancel(); } catch (ObjectDisposedException) { }
        });
        if (!_running.IsEmpty) logger.LogInformation("Discord is stopping; {Count} answer(s) in hand will finish first", _running.Count);
        try { await Task.WhenAll(_running.Keys).WaitAsync(deadline); }
        catch (OperationCanceledException) { }
    }

    public void Dispose() => _abort.Dispose();

    private static InteractionResponse Ephemeral(string text) => new(4, DiscordFormatter.Plain(text, ephemeral: true));

    /// <summary>Manage Server (or Administrator) in the invoker's permissions, or a configured moderator role — checked on every invocation.</summary>
    internal bool IsModerator(Interaction interaction)
    {
        var member = interaction.Member;
        if (member is null) return false;
        if (member.Roles.Any(options.ModeratorRoleIds.Contains)) return true;
        return BigInteger.TryParse(member.Permissions, out var p) && ((p & ManageGuild) != 0 || (p & Administrator) != 0);
    }

    private async Task RunCommandAsync(Interaction interaction, CancellationToken ct)
    {
        var token = interaction.Token;
        try
        {
            switch (interaction.Data!.Name)
            {
                case "ask":
                    var question = interaction.Data.Options?.FirstOrDefault(o => o.Name == "question")?.StringValue ?? "";
                    var user = interaction.Invoker?.Id ?? "unknown";
                    await StreamAnswerAsync(new ChatQuestion($"discord:channel:{interaction.ChannelId}", $"discord:user:{user}", question),
                        m => rest.EditOriginalResponseAsync(ApplicationId, token, m, ct),
                        m => rest.CreateFollowupAsync(ApplicationId, token, m, ct), ct);
                    break;
                case "sources":
                    await rest.EditOriginalResponseAsync(ApplicationId, token, DiscordFormatter.Plain(ChatTexts.Sources(await catalog.ListAsync(ct), forChat: true)), ct);
                    break;
                case "status":
                    await rest.EditOriginalResponseAsync(ApplicationId, token, DiscordFormatter.Plain(ChatTexts.Status(await maintenance.StatusAsync(ct))), ct);
                    break;
                case "refresh":
                    await moderation.RefreshAsync(m => rest.EditOriginalResponseAsync(ApplicationId, token, DiscordFormatter.Plain(m), ct),
                        TimeSpan.FromMilliseconds(options.EditIntervalMilliseconds), ct);
                    break;
                case "source":
                    await rest.EditOriginalResponseAsync(ApplicationId, token, DiscordFormatter.Plain(await ManageSourceAsync(interaction.Data, ct)), ct);
                    break;
                default:
                    await rest.EditOriginalResponseAsync(ApplicationId, token, DiscordFormatter.Plain(ChatTexts.Help), ct);
                    break;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Discord command /{Command} failed", interaction.Data?.Name);
            try { await rest.EditOriginalResponseAsync(ApplicationId, token, DiscordFormatter.Plain(ChatTexts.SomethingWentWrong), ct); } catch (Exception) { }
        }
    }

    /// <summary>
    /// Runs the pipeline, editing a draft in place while a model writes, then the final embeds (follow-ups if they don't
    /// fit). <paramref name="beforeFinal"/> runs just before the final message goes out.
    /// </summary>
    private async Task StreamAnswerAsync(ChatQuestion question, Func<MessagePayload, Task> edit, Func<MessagePayload, Task> followUp,
        CancellationToken ct, Func<ValueTask>? beforeFinal = null)
    {
        var updates = UpdateThrottle.ThrottleAsync(pipeline.AskAsync(question, ct), TimeSpan.FromMilliseconds(options.EditIntervalMilliseconds), time, ct);
        await foreach (var update in updates)
        {
            if (update.Final is { } answer)
            {
                var messages = answer.IsRefusal ? [DiscordFormatter.Plain(answer.Text)] : DiscordFormatter.Answer(answer);
                if (beforeFinal is not null) await beforeFinal();
                await edit(messages[0]);
                foreach (var more in messages.Skip(1)) await followUp(more);
                return;
            }
            if (update.Text.Length > 0) await edit(DiscordFormatter.Draft(update.Text));
        }
    }

    private async Task<string> ManageSourceAsync(InteractionData data, CancellationToken ct)
    {
        var sub = data.Options?.FirstOrDefault();
        var location = sub?.Options?.FirstOrDefault(o => o.Name == "location")?.StringValue ?? "";
        return sub?.Name switch
        {
            "add" => await moderation.AddSourceAsync(location, ct),
            "remove" => await moderation.RemoveSourceAsync(location, ct),
            _ => ChatModeration.SourceUsage,
        };
    }

    /// <summary>A DM, or a message mentioning the bot: a question, answered as a reply with a typing indicator.</summary>
    public async Task HandleMessageAsync(Message message, CancellationToken ct)
    {
        if (!options.AnswerMentions || message.Author is null || message.Author.Bot == true || message.Author.Id == BotUserId) return;
        lock (_seen)
        {
            if (!_seen.Add("m" + message.Id)) return; // replayed after a resume
        }
        bool dm = message.GuildId is null;
        bool mentioned = message.Mentions?.Any(u => u.Id == BotUserId) == true;
        if (!dm && !mentioned) return;
        var text = MentionPattern().Replace(message.Content ?? "", m => m.Groups[1].Value == BotUserId ? "" : m.Value).Trim();
        try
        {
            await using var typing = TypingIndicator.Start(c => rest.TriggerTypingAsync(message.ChannelId, c), TimeSpan.FromMilliseconds(options.TypingIntervalMilliseconds), time, ct);
            // The first message is a reply to the question; what follows edits it in place.
            string? draftId = null;
            var reference = new MessageReference(message.Id);
            await StreamAnswerAsync(new ChatQuestion($"discord:channel:{message.ChannelId}", $"discord:user:{message.Author.Id}", text),
                async payload =>
                {
                    if (draftId is null) draftId = await rest.CreateMessageAsync(message.ChannelId, payload with { MessageReference = reference }, ct);
                    else await rest.EditMessageAsync(message.ChannelId, draftId, payload, ct);
                },
                async more => await rest.CreateMessageAsync(message.ChannelId, more with { MessageReference = reference }, ct),
                ct, beforeFinal: typing.DisposeAsync);
        }
        catch (DiscordApiException ex) when (ex.Status is 403 or 404)
        {
            logger.LogWarning("Discord channel {Channel} can't be written to ({Status}); skipped", message.ChannelId, ex.Status);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Answering a Discord message in {Channel} failed", message.ChannelId);
        }
    }

    [GeneratedRegex(@"<@!?(\d+)>")]
    private static partial Regex MentionPattern();
}
