using System.Numerics;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using TalksBot.Core.Chat;
using TalksBot.Core.Indexing;
using TalksBot.Discord.Gateway;
using TalksBot.Discord.Types;

namespace TalksBot.Discord;

/// <summary>
/// Discord's side of the chat front end: slash commands, 👍/👎 buttons and, when enabled, mentions and DMs become a
/// <see cref="ChatInvocation"/>; replies go through <see cref="DiscordInteractionReply"/> or <see cref="DiscordMessageReply"/>.
/// Every interaction is acknowledged at once (deferred; ephemeral unless it asks a question) and the reply edited in.
/// Over the gateway it is the <see cref="IGatewayDispatchHandler"/>; the HTTP endpoint calls <see cref="AcceptAsync"/> itself.
/// With several instances on one shared store (an <see cref="IClaimStore"/> is registered), an interaction is answered
/// by the instance that claims its id first; another instance handed it too (a load balancer's retry) only acknowledges it.
/// </summary>
public sealed partial class DiscordBot(
    DiscordRestClient rest,
    DiscordOptions options,
    ChatFrontEnd frontEnd,
    ILogger<DiscordBot> logger,
    IClaimStore? claims = null) : IGatewayDispatchHandler, IDisposable
{
    // An interaction's token can be used for 15 minutes: after that no instance could answer it anyway.
    private static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(15);
    private static readonly string Moderators = ApplicationCommand.PermissionString(GuildPermission.ManageGuild);
    private readonly HashSet<string> _seen = [];
    private int _commandsRegistered;
    private readonly ChatWorkQueue _work = new("Discord", logger);
    private readonly ChatPacing _pacing = new(TimeSpan.FromMilliseconds(options.EditIntervalMilliseconds), TimeSpan.FromMilliseconds(options.TypingIntervalMilliseconds), DiscordFormatter.MaxDescription);
    private string? _applicationId = options.ApplicationId;

    public string? BotUserId { get; set; }

    public string ApplicationId => _applicationId ?? throw new InvalidOperationException("The application id is not known yet (set Discord:ApplicationId or wait for READY).");

    public static IReadOnlyList<ApplicationCommand> Commands { get; } =
    [
        new("ask", "Ask about the Russia–Ukraine peace talks", [new ApplicationCommandOption(ApplicationCommandOptionType.String, "question", "Your question", Required: true)]),
        new("sources", "What TalksBot reads"),
        new("status", "Index status and feedback (moderators)", DefaultMemberPermissions: Moderators),
        new("refresh", "Refresh the articles (moderators)", DefaultMemberPermissions: Moderators),
        new("source", "Add or remove a source (moderators)",
        [
            new ApplicationCommandOption(ApplicationCommandOptionType.SubCommand, "add", "Add a feed or article URL",
                Options: [new ApplicationCommandOption(ApplicationCommandOptionType.String, "location", "URL", Required: true)]),
            new ApplicationCommandOption(ApplicationCommandOptionType.SubCommand, "remove", "Remove a source",
                Options: [new ApplicationCommandOption(ApplicationCommandOptionType.String, "location", "URL", Required: true)]),
        ], DefaultMemberPermissions: Moderators),
    ];

    /// <summary>Registers the commands (bulk overwrite, globally or per configured guild).</summary>
    public async Task RegisterCommandsAsync(string? applicationIdFromReady, CancellationToken ct)
    {
        _applicationId ??= applicationIdFromReady ?? await rest.GetApplicationIdAsync(ct);
        if (options.GuildIds.Count == 0) await rest.BulkOverwriteCommandsAsync(ApplicationId, null, Commands, ct);
        foreach (var guild in options.GuildIds) await rest.BulkOverwriteCommandsAsync(ApplicationId, guild, Commands, ct);
    }

    /// <summary>
    /// The immediate response to an interaction (PONG, a deferral, or an ephemeral notice) and the work to do after it.
    /// Replayed interactions (a resumed gateway) and interactions another instance claimed are acknowledged with the
    /// same deferral but bring no work (<c>Taken</c>): the answer comes once, from whoever took it first.
    /// </summary>
    public async Task<(InteractionResponse Response, Func<CancellationToken, Task>? Then, bool Taken)> AcceptAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        if (interaction.Type == InteractionType.Ping) return (InteractionResponse.Pong, null, false);
        var command = ToCommand(interaction);
        var deferral = command?.RepliesPrivately == true ? InteractionResponse.DeferredEphemeral : InteractionResponse.Deferred;
        lock (_seen)
        {
            if (!_seen.Add(interaction.Id)) return (deferral, null, true);
            if (_seen.Count > 10_000) _seen.Clear();
        }
        _applicationId ??= interaction.ApplicationId;
        if (command is null) return (new InteractionResponse(InteractionResponseType.ChannelMessageWithSource, DiscordFormatter.Plain("That kind of interaction isn't supported.", ephemeral: true)), null, false);
        var claimKey = "discord:interaction:" + interaction.Id;
        if (claims is not null && !await TryClaimAsync(claimKey, interaction.Id, cancellationToken))
        {
            logger.LogInteractionTakenElsewhere(interaction.Id);
            return (deferral, null, true);
        }
        var invocation = new ChatInvocation(command, $"discord:channel:{interaction.ChannelId}", $"discord:user:{interaction.Invoker?.Id ?? "unknown"}",
            _ => Task.FromResult(IsModerator(interaction)));
        var reply = new DiscordInteractionReply(rest, ApplicationId, interaction.Token, command.Kind == ChatCommandKind.Ask ? command.Argument : null, _pacing);
        return (deferral, async ct =>
        {
            await frontEnd.HandleAsync(invocation, reply, ct);
            if (claims is not null) await CompleteClaimAsync(claimKey, interaction.Id, ct);
        }, false);
    }

    /// <summary>The user has the answer: a store that can't record that is one warning, not a failed interaction.</summary>
    private async Task CompleteClaimAsync(string key, string interactionId, CancellationToken cancellationToken)
    {
        try
        {
            await claims!.CompleteAsync(key, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogInteractionClaimNotCompleted(interactionId, ex.Message);
        }
    }

    /// <summary>
    /// A store that can't be reached doesn't cost the user the answer: Discord sends an interaction once and gives 3
    /// seconds, so answering (at worst twice, if a retry went elsewhere too) beats a silent "interaction failed".
    /// </summary>
    private async Task<bool> TryClaimAsync(string key, string interactionId, CancellationToken cancellationToken)
    {
        try
        {
            return await claims!.TryClaimAsync(key, ClaimLease, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogInteractionClaimFailed(interactionId, ex.Message);
            return true;
        }
    }

    private static ChatCommand? ToCommand(Interaction interaction)
    {
        var data = interaction.Data;
        if (data is null) return null;
        if (interaction.Type == InteractionType.MessageComponent) return data.ComponentType == ComponentType.Button ? ChatCommand.FromButton(data.CustomId) : null;
        if (interaction.Type != InteractionType.ApplicationCommand) return null;
        string Option(IEnumerable<ApplicationCommandInteractionDataOption>? options, string name) => options?.FirstOrDefault(o => o.Name == name)?.StringValue ?? "";
        if (data.Name == "source")
        {
            var sub = data.Options?.FirstOrDefault();
            return ChatCommand.Parse("source", sub is null ? "" : $"{sub.Name} {Option(sub.Options, "location")}");
        }
        return ChatCommand.Parse(data.Name, data.Name == "ask" ? Option(data.Options, "question") : "") ?? new ChatCommand(ChatCommandKind.Help);
    }

    /// <summary>READY: the bot's own user (to spot mentions of it) and, on the first session only, the commands registered in the background.</summary>
    public Task OnReadyAsync(ReadyEvent ready, CancellationToken cancellationToken)
    {
        BotUserId = ready.User?.Id;
        if (Interlocked.Exchange(ref _commandsRegistered, 1) == 0)
        {
            _ = Task.Run(async () =>
            {
                try { await RegisterCommandsAsync(ready.Application?.Id, cancellationToken); }
                catch (Exception ex) when (ex is not OperationCanceledException) { logger.LogCommandsRegistrationFailed(ex.Message); }
            }, CancellationToken.None);
        }
        return Task.CompletedTask;
    }

    /// <summary>Acknowledged on its own task (Discord's 3-second deadline), the answer after it in the background.</summary>
    public Task OnInteractionCreateAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        _ = AcknowledgeAsync(interaction, cancellationToken);
        return Task.CompletedTask;
    }

    public Task OnMessageCreateAsync(Message message, CancellationToken cancellationToken)
    {
        RunInBackground(c => HandleMessageAsync(message, c), $"message {message.Id}");
        return Task.CompletedTask;
    }

    private async Task AcknowledgeAsync(Interaction interaction, CancellationToken ct)
    {
        try
        {
            var (response, then, taken) = await AcceptAsync(interaction, ct);
            if (taken) return; // a replay, or another instance's: acknowledged there
            await rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, response, ct);
            if (then is not null) RunInBackground(then, $"interaction {interaction.Id}");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogInteractionFailed(ex, interaction.Id);
        }
    }

    /// <summary>Runs reply work off the caller's path (the gateway's receive loop, an HTTP request); see <see cref="ChatWorkQueue"/>.</summary>
    public void RunInBackground(Func<CancellationToken, Task> work, string what) => _work.Run(work, what);

    /// <summary>Waits for the work in hand; cancels it when <paramref name="deadline"/> (the host's shutdown timeout) fires.</summary>
    public Task DrainAsync(CancellationToken deadline) => _work.DrainAsync(deadline);

    public void Dispose() => _work.Dispose();

    /// <summary>Manage Server (or Administrator) in the invoker's permissions, or a configured moderator role — checked on every invocation.</summary>
    internal bool IsModerator(Interaction interaction)
    {
        var member = interaction.Member;
        if (member is null) return false;
        if (member.Roles.Any(options.ModeratorRoleIds.Contains)) return true;
        // A decimal string that may outgrow 64 bits as Discord adds permissions.
        return BigInteger.TryParse(member.Permissions, out var p) && (p & (ulong)(GuildPermission.ManageGuild | GuildPermission.Administrator)) != 0;
    }

    /// <summary>A DM, a message mentioning the bot, or a reply to one of its messages: a question, answered as a reply with a typing indicator.</summary>
    public async Task HandleMessageAsync(Message message, CancellationToken ct)
    {
        if (!options.AnswerMentions || message.Author is null || message.Author.Bot == true || message.Author.Id == BotUserId) return;
        lock (_seen)
        {
            if (!_seen.Add("m" + message.Id)) return; // replayed after a resume
        }
        bool dm = message.GuildId is null;
        bool mentioned = message.Mentions?.Any(u => u.Id == BotUserId) == true;
        // A reply to one of the bot's answers is addressed to it even with the reply's ping turned off.
        bool repliedTo = BotUserId is not null && message.ReferencedMessage?.Author?.Id == BotUserId;
        if (!dm && !mentioned && !repliedTo) return;
        var text = MentionPattern().Replace(message.Content ?? "", m => m.Groups[1].Value == BotUserId ? "" : m.Value).Trim();
        // A reply to one of the bot's messages names it: the front end follows up on the answer it showed.
        var invocation = new ChatInvocation(ChatCommand.Ask(text), $"discord:channel:{message.ChannelId}", $"discord:user:{message.Author.Id}", _ => Task.FromResult(false),
            repliedTo ? message.ReferencedMessage!.Id : null);
        try
        {
            await frontEnd.HandleAsync(invocation, new DiscordMessageReply(rest, message, _pacing), ct);
        }
        catch (DiscordApiException ex) when (ex.Status is 403 or 404)
        {
            logger.LogChannelNotWritable(message.ChannelId, ex.Status);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogMessageAnswerFailed(ex, message.ChannelId);
        }
    }

    [GeneratedRegex(@"<@!?(\d+)>")]
    private static partial Regex MentionPattern();
}
