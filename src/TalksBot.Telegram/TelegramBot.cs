using System.Globalization;
using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using TalksBot.Core.Chat;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace TalksBot.Telegram;

/// <summary>
/// Telegram's side of the chat front end: decides whether a message is addressed to the bot (any text in private;
/// /ask, a mention or a reply to the bot in groups), turns it or a button press into a <see cref="ChatInvocation"/>,
/// and replies through <see cref="TelegramReply"/>. What to say is <see cref="ChatFrontEnd"/>'s.
/// </summary>
public sealed class TelegramBot(
    ITelegramBotClient api,
    TelegramOptions options,
    ChatFrontEnd frontEnd,
    FloodControl flood,
    TimeProvider time,
    ILogger<TelegramBot> logger)
{
    public static readonly BotCommand[] Commands = ChatCommand.Menu.Select(c => new BotCommand(c.Name, c.Description)).ToArray();

    /// <summary>What TalksBot asks Telegram for: messages, and presses of the bot's own buttons.</summary>
    public static readonly UpdateType[] AllowedUpdates = [UpdateType.Message, UpdateType.CallbackQuery];

    /// <summary>This adapter's name on the platform status board and in metrics.</summary>
    public const string Platform = "telegram";

    /// <summary>The one line logged when Telegram rejects the token, whichever receiver met it.</summary>
    public const string TokenRejected = "Telegram rejected the bot token (401 Unauthorized). Check Telegram:BotToken; the Telegram side is stopped, everything else keeps running.";

    private readonly ConcurrentDictionary<(long Chat, long User), (bool IsAdmin, DateTimeOffset At)> _admins = new();
    private readonly ChatPacing _pacing = new(TimeSpan.FromMilliseconds(options.EditIntervalMilliseconds), TimeSpan.FromMilliseconds(options.TypingIntervalMilliseconds), 3500);
    private User? _me;
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public User Me => _me ?? throw new InvalidOperationException("The bot has not introduced itself yet (getMe).");

    /// <summary>Completes once the bot knows who it is; a webhook update can arrive before that, after a restart.</summary>
    public Task Started => _started.Task;

    public async Task StartAsync(CancellationToken ct)
    {
        _me = await api.GetMe(ct);
        await api.SetMyCommands(Commands, cancellationToken: ct);
        logger.LogBotUp(_me.Username);
        _started.TrySetResult();
    }

    /// <summary>Handles one update; failures are logged and answered politely, never thrown (but a rejected token is).</summary>
    public async Task HandleAsync(Update update, CancellationToken ct)
    {
        var work = update.CallbackQuery is { } query ? ButtonPressed(query)
            : update.Message is { Text: not null, From.IsBot: false } message ? MessageReceived(message)
            : null;
        if (work is not { } w) return;
        try
        {
            await frontEnd.HandleAsync(w.Invocation, w.Reply, ct);
        }
        catch (ApiRequestException ex) when (ex.ErrorCode == 403)
        {
            logger.LogChatBlocked(ChatOf(update));
        }
        catch (ApiRequestException ex) when (ex.ErrorCode == 401)
        {
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogUpdateHandlingFailed(ex, update.Id, ChatOf(update));
        }
    }

    /// <summary>The chat an update belongs to (0 when it has none), the unit updates are answered in order by.</summary>
    public static long ChatOf(Update update) => update.Message?.Chat.Id ?? update.CallbackQuery?.Message?.Chat.Id ?? 0;

    private (ChatInvocation Invocation, IChatReply Reply)? MessageReceived(Message message)
    {
        var command = ToCommand(message);
        if (command is null) return null;
        // A reply to one of the bot's messages names it: the front end follows up on the answer it showed.
        var repliedTo = message.ReplyToMessage is { } replied && replied.From?.Id == Me.Id ? replied.Id.ToString(CultureInfo.InvariantCulture) : null;
        var invocation = new ChatInvocation(command, $"telegram:chat:{message.Chat.Id}", $"telegram:user:{message.From!.Id}", ct => IsModeratorAsync(message.Chat, message.From.Id, ct), repliedTo);
        return (invocation, new TelegramReply(api, flood, message.Chat.Id, message.Id, _pacing));
    }

    private (ChatInvocation Invocation, IChatReply Reply)? ButtonPressed(CallbackQuery query)
    {
        // Not one of our buttons: still answered, or the user's client shows a spinner until it times out.
        var command = ChatCommand.FromButton(query.Data) ?? new ChatCommand(ChatCommandKind.Help);
        var chat = query.Message?.Chat.Id ?? query.From.Id;
        var invocation = new ChatInvocation(command, $"telegram:chat:{chat}", $"telegram:user:{query.From.Id}", _ => Task.FromResult(false));
        return (invocation, new TelegramCallbackReply(api, query.Id, _pacing));
    }

    /// <summary>The command a message asks for: null when it isn't addressed to the bot.</summary>
    private ChatCommand? ToCommand(Message message)
    {
        var (name, args) = ParseCommand(message);
        if (name is null)
        {
            if (message.Chat.Type == ChatType.Private) return ChatCommand.Ask(message.Text!);
            return AddressedToMe(message, out var question) ? ChatCommand.Ask(question) : null;
        }
        if (name == "start") name = "help";
        // Unknown commands: help in private, silence in groups (they may be for another bot).
        return ChatCommand.Parse(name, args) ?? (message.Chat.Type == ChatType.Private && name != OtherBot ? new ChatCommand(ChatCommandKind.Help) : null);
    }

    private const string OtherBot = "(other bot)";

    /// <summary>"/cmd@bot args" at offset 0: the command (null when there is none, or it is for another bot) and its arguments.</summary>
    internal (string? Command, string Args) ParseCommand(Message message)
    {
        var entity = message.Entities?.FirstOrDefault(e => e.Type == MessageEntityType.BotCommand && e.Offset == 0);
        if (entity is null || !Within(message.Text!, entity) || entity.Length < 2) return (null, "");
        var token = message.Text!.Substring(1, entity.Length - 1);
        var at = token.IndexOf('@');
        if (at >= 0)
        {
            if (!string.Equals(token[(at + 1)..], Me.Username, StringComparison.OrdinalIgnoreCase)) return (OtherBot, "");
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
            if (!Within(text, e)) continue;
            bool mention = e.Type == MessageEntityType.Mention && string.Equals(text.Substring(e.Offset, e.Length), "@" + Me.Username, StringComparison.OrdinalIgnoreCase);
            bool textMention = e.Type == MessageEntityType.TextMention && e.User?.Id == Me.Id;
            if (mention || textMention)
            {
                question = (text[..e.Offset] + text[(e.Offset + e.Length)..]).Trim(' ', ',', ':');
                return true;
            }
        }
        question = text;
        return message.ReplyToMessage?.From?.Id == Me.Id;
    }

    // Entities come from the sender's client by way of Telegram: one that points outside the text is ignored, not thrown on.
    private static bool Within(string text, MessageEntity e) => e.Offset >= 0 && e.Length >= 0 && e.Offset + e.Length <= text.Length;

    /// <summary>A configured moderator anywhere, or (when enabled) an administrator of this group — asked of Telegram on every command, cached briefly.</summary>
    internal async Task<bool> IsModeratorAsync(Chat chat, long user, CancellationToken ct)
    {
        if (options.ModeratorUserIds.Contains(user)) return true;
        if (!options.ChatAdminsAreModerators || chat.Type == ChatType.Private) return false;
        var key = (chat.Id, user);
        if (_admins.TryGetValue(key, out var cached) && time.GetUtcNow() - cached.At < TimeSpan.FromMinutes(2)) return cached.IsAdmin;
        var member = await api.GetChatMember(chat.Id, user, ct);
        bool admin = member.Status is ChatMemberStatus.Creator or ChatMemberStatus.Administrator;
        _admins[key] = (admin, time.GetUtcNow());
        return admin;
    }
}
