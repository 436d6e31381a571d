using TalksBot.Core.Chat;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace TalksBot.Telegram;

/// <summary>
/// Replies to one message in Telegram HTML: the first reply answers the message, later ones edit it in place; what
/// doesn't fit in 4,096 characters goes out as further replies, the buttons under the last one. Every send waits its
/// turn in the chat's flood control.
/// </summary>
internal sealed class TelegramReply(ITelegramBotClient api, FloodControl flood, long chat, int replyTo, ChatPacing pacing) : IChatReply
{
    private static readonly LinkPreviewOptions NoPreview = new() { IsDisabled = true };
    private int? _shown;
    private readonly List<int> _answerIds = [];

    public ChatPacing Pacing => pacing;

    public IReadOnlyList<string> ShownMessageIds => _answerIds.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();

    public Task ShowDraftAsync(string text, CancellationToken cancellationToken) => ShowAsync([TelegramFormatter.Draft(text)], null, cancellationToken);

    public Task ShowAnswerAsync(ChatAnswer answer, CancellationToken cancellationToken) =>
        ShowAsync(TelegramFormatter.Answer(answer.Answer), TelegramFormatter.Keyboard(answer.Buttons), cancellationToken, _answerIds);

    public Task ShowTextAsync(string text, CancellationToken cancellationToken) => ShowAsync(TelegramFormatter.Plain(text), null, cancellationToken);

    public Task SendTypingAsync(CancellationToken cancellationToken) => api.SendChatAction(chat, ChatAction.Typing, cancellationToken: cancellationToken);

    /// <param name="shownIds">Gets the id of every message that shows these parts (the answer's, for replies to it).</param>
    private async Task ShowAsync(IReadOnlyList<string> parts, InlineKeyboardMarkup? keyboard, CancellationToken ct, List<int>? shownIds = null)
    {
        for (int i = 0; i < parts.Count; i++)
        {
            var markup = i == parts.Count - 1 ? keyboard : null;
            await flood.WaitTurnAsync(chat, ct);
            if (i == 0 && _shown is { } shown)
            {
                await EditAsync(shown, parts[0], markup, ct);
                shownIds?.Add(shown);
                continue;
            }
            var sent = await api.SendMessage(chat, parts[i], ParseMode.Html,
                replyParameters: new ReplyParameters { MessageId = replyTo, AllowSendingWithoutReply = true },
                replyMarkup: markup, linkPreviewOptions: NoPreview, cancellationToken: ct);
            if (i == 0) _shown = sent.Id;
            shownIds?.Add(sent.Id);
        }
    }

    private async Task EditAsync(int messageId, string text, InlineKeyboardMarkup? markup, CancellationToken ct)
    {
        try
        {
            await api.EditMessageText(chat, messageId, text, ParseMode.Html, markup, NoPreview, cancellationToken: ct);
        }
        catch (ApiRequestException ex) when (ex.ErrorCode == 400 && ex.Message.Contains("not modified", StringComparison.OrdinalIgnoreCase))
        {
            // Same text as before: nothing to change.
        }
    }
}
