using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using TalksBot.Core.Answering;
using TalksBot.Core.Conversations;
using TalksBot.Core.Moderation;
using TalksBot.Telegram.Types;

namespace TalksBot.Telegram;

/// <summary>
/// What the bot does with one update: decide whether it is addressed to the bot (any text in private; /ask, a mention
/// or a reply to the bot in groups), then answer through the shared conversation pipeline, or run a command. Only
/// translation lives here: Telegram's wire format in, Telegram HTML out.
/// </summary>
public sealed class TelegramBot(
    TelegramBotApi api,
    TelegramOptions options,
    ConversationPipeline pipeline,
    IndexMaintenance maintenance,
    SourceCatalog catalog,
    ChatModeration moderation,
    FloodControl flood,
    TimeProvider time,
    ILogger<TelegramBot> logger)
{
    public static readonly BotCommand[] Commands =
    [
        new("ask", "Ask about the peace talks"),
        new("sources", "What I read"),
        new("help", "How to use me"),
        new("status", "Index status (moderators)"),
        new("refresh", "Refresh the articles (moderators)"),
        new("source", "add|remove <url-or-folder> (moderators)"),
    ];

    /// <summary>The one line logged when Telegram rejects the token, whichever receiver met it.</summary>
    /// <summary>This adapter's name on the platform status board and in metrics.</summary>
    public const string Platform = "telegram";

    public const string TokenRejected = "Telegram rejected the bot token (401 Unauthorized). Check Telegram:BotToken; the Telegram side is stopped, everything else keeps running.";

    private readonly ConcurrentDictionary<(long Chat, long User), (bool IsAdmin, DateTimeOffset At)> _admins = new();
    private User? _me;
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public User Me => _me ?? throw new InvalidOperationException("The bot has not introduced itself yet (getMe).");

    /// <summary>Completes once the bot knows who it is; a webhook update can arrive before that, after a restart.</summary>
    public Task Started => _started.Task;

    public async Task StartAsync(CancellationToken ct)
    {
        _me = await api.GetMeAsync(ct);
        await api.SetMyCommandsAsync(Commands, ct);
        logger.LogInformation("Telegram bot @{Username} is up", _me.Username);
        _started.TrySetResult();
    }

    /// <summary>Handles one update; failures are logged and answered politely, never thrown.</summary>
    public async Task HandleAsync(Update update, CancellationToken ct)
    {
        var message = update.Message;
        if (message?.Text is null || message.From is null || message.From.IsBot) return;
        try
        {
            await HandleMessageAsync(message, ct);
        }
        catch (TelegramApiException ex) when (ex.ErrorCode == 403)
        {
            logger.LogWarning("Telegram chat {Chat} blocked the bot or removed it; skipped", message.Chat.Id);
        }
        catch (TelegramApiException ex) when (ex.ErrorCode == 401)
        {
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Handling update {Update} in chat {Chat} failed", update.UpdateId, message.Chat.Id);
        }
    }

    private async Task HandleMessageAsync(Message message, CancellationToken ct)
    {
        var text = message.Text!;
        var (command, args) = ParseCommand(message);
        if (command is null)
        {
            if (message.Chat.IsPrivate) await AnswerAsync(message, text, ct);
            else if (AddressedToMe(message, out var question)) await AnswerAsync(message, question, ct);
            return;
        }
        switch (command)
        {
            case "start" or "help":
                await SendAsync(message, TelegramFormatter.Plain(ChatTexts.Help), ct);
                break;
            case "ask":
                await AnswerAsync(message, args, ct);
                break;
            case "sources":
                await SendAsync(message, TelegramFormatter.Plain(ChatTexts.Sources(await catalog.ListAsync(ct), forChat: true)), ct);
                break;
            case "status":
                if (await RefuseUnlessModeratorAsync(message, ct)) return;
                await SendAsync(message, TelegramFormatter.Plain(ChatTexts.Status(await maintenance.StatusAsync(ct))), ct);
                break;
            case "refresh":
                if (await RefuseUnlessModeratorAsync(message, ct)) return;
                await RefreshAsync(message, ct);
                break;
            case "source":
                if (await RefuseUnlessModeratorAsync(message, ct)) return;
                await ManageSourceAsync(message, args, ct);
                break;
            default:
                if (message.Chat.IsPrivate) await SendAsync(message, TelegramFormatter.Plain(ChatTexts.Help), ct);
                break;
        }
    }

    /// <summary>"/cmd@bot args" at offset 0: the command (null when there is none, or it is for another bot) and its arguments.</summary>
    internal (string? Command, string Args) ParseCommand(Message message)
    {
        var entity = message.Entities?.FirstOrDefault(e => e.Type == "bot_command" && e.Offset == 0);
        if (entity is null) return (null, "");
        var token = message.Text!.Substring(1, entity.Length - 1);
        var at = token.IndexOf('@');
        if (at >= 0)
        {
            if (!string.Equals(token[(at + 1)..], Me.Username, StringComparison.OrdinalIgnoreCase)) return ("(other bot)", "");
            token = token[..at];
        }
        return (token.ToLowerInvariant(), message.Text[entity.Length..].Trim());
    }

    /// <summary>In a group: a mention of the bot, or a reply to one of its messages. The mention is cut from the question.</summary>
    internal bool AddressedToMe(Message message, out string question)
    {
        var text = message.Text!;
        foreach (var e in message.Entities ?? [])
        {
            bool mention = e.Type == "mention" && string.Equals(text.Substring(e.Offset, e.Length), "@" + Me.Username, StringComparison.OrdinalIgnoreCase);
            bool textMention = e.Type == "text_mention" && e.User?.Id == Me.Id;
            if (mention || textMention)
            {
                question = (text[..e.Offset] + text[(e.Offset + e.Length)..]).Trim(' ', ',', ':');
                return true;
            }
        }
        question = text;
        return message.ReplyToMessage?.From?.Id == Me.Id;
    }

    private async Task AnswerAsync(Message message, string question, CancellationToken ct)
    {
        var chat = message.Chat.Id;
        await using var typing = TypingIndicator.Start(c => api.SendChatActionAsync(chat, "typing", c), TimeSpan.FromMilliseconds(options.TypingIntervalMilliseconds), time, ct);
        var ask = new ChatQuestion($"telegram:chat:{chat}", $"telegram:user:{message.From!.Id}", question);
        Message? draft = null;
        string? shown = null;
        var updates = UpdateThrottle.ThrottleAsync(pipeline.AskAsync(ask, ct), TimeSpan.FromMilliseconds(options.EditIntervalMilliseconds), time, ct);
        await foreach (var update in updates)
        {
            if (update.Final is { } answer)
            {
                await typing.DisposeAsync();
                await DeliverAsync(message, draft, answer, ct);
                return;
            }
            // The answer grows in place while the model writes; the last edit carries the checked citations.
            var text = TelegramFormatter.Escape(update.Text);
            if (text.Length == 0 || text.Length > TelegramFormatter.MaxMessageLength || text == shown) continue;
            if (draft is null)
            {
                await flood.WaitTurnAsync(chat, ct);
                draft = await api.SendMessageAsync(chat, text, message.MessageId, ct);
            }
            else
            {
                await EditAsync(chat, draft.MessageId, text, ct);
            }
            shown = text;
        }
    }

    private async Task DeliverAsync(Message asked, Message? draft, Answer answer, CancellationToken ct)
    {
        var parts = TelegramFormatter.Answer(answer);
        int first = 0;
        if (draft is not null)
        {
            await EditAsync(asked.Chat.Id, draft.MessageId, parts[0], ct);
            first = 1;
        }
        for (int i = first; i < parts.Count; i++)
        {
            await flood.WaitTurnAsync(asked.Chat.Id, ct);
            await api.SendMessageAsync(asked.Chat.Id, parts[i], asked.MessageId, ct);
        }
    }

    private async Task EditAsync(long chat, long messageId, string text, CancellationToken ct)
    {
        await flood.WaitTurnAsync(chat, ct);
        try
        {
            await api.EditMessageTextAsync(chat, messageId, text, ct);
        }
        catch (TelegramApiException ex) when (ex.ErrorCode == 400 && ex.Description.Contains("not modified", StringComparison.OrdinalIgnoreCase))
        {
            // Same text as before: nothing to change.
        }
    }

    private async Task<Message> SendAsync(Message replyTo, IReadOnlyList<string> parts, CancellationToken ct)
    {
        Message? first = null;
        foreach (var part in parts)
        {
            await flood.WaitTurnAsync(replyTo.Chat.Id, ct);
            var sent = await api.SendMessageAsync(replyTo.Chat.Id, part, replyTo.MessageId, ct);
            first ??= sent;
        }
        return first!;
    }

    private async Task<bool> RefuseUnlessModeratorAsync(Message message, CancellationToken ct)
    {
        if (await IsModeratorAsync(message, ct)) return false;
        await SendAsync(message, TelegramFormatter.Plain(ChatTexts.ModeratorsOnly), ct);
        return true;
    }

    /// <summary>A configured moderator anywhere, or (when enabled) an administrator of this group — asked of Telegram on every command, cached briefly.</summary>
    internal async Task<bool> IsModeratorAsync(Message message, CancellationToken ct)
    {
        var user = message.From!.Id;
        if (options.ModeratorUserIds.Contains(user)) return true;
        if (!options.ChatAdminsAreModerators || message.Chat.IsPrivate) return false;
        var key = (message.Chat.Id, user);
        if (_admins.TryGetValue(key, out var cached) && time.GetUtcNow() - cached.At < TimeSpan.FromMinutes(2)) return cached.IsAdmin;
        var member = await api.GetChatMemberAsync(message.Chat.Id, user, ct);
        bool admin = member.Status is "creator" or "administrator";
        _admins[key] = (admin, time.GetUtcNow());
        return admin;
    }

    private async Task RefreshAsync(Message message, CancellationToken ct)
    {
        var chat = message.Chat.Id;
        if (moderation.IsRefreshing)
        {
            await SendAsync(message, TelegramFormatter.Plain(ChatTexts.RefreshAlreadyRunning), ct);
            return;
        }
        var progressMessage = await SendAsync(message, TelegramFormatter.Plain("Refreshing…"), ct);
        await moderation.RefreshAsync(async text =>
        {
            var parts = TelegramFormatter.Plain(text);
            await EditAsync(chat, progressMessage.MessageId, parts[0], ct);
            for (int i = 1; i < parts.Count; i++) await SendAsync(message, [parts[i]], ct);
        }, TimeSpan.FromMilliseconds(options.EditIntervalMilliseconds), ct);
    }

    private async Task ManageSourceAsync(Message message, string args, CancellationToken ct)
    {
        var words = args.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var reply = words is ["add", var added] ? await moderation.AddSourceAsync(added, ct)
            : words is ["remove", var removed] ? await moderation.RemoveSourceAsync(removed, ct)
            : ChatModeration.SourceUsage;
        await SendAsync(message, TelegramFormatter.Plain(reply), ct);
    }
}
