using TalksBot.Core.Chat;
using TalksBot.Telegram.Types;

namespace TalksBot.Telegram;

/// <summary>
/// Replies to one message in Telegram HTML: the first reply answers the message, later ones edit it in place; what
/// doesn't fit in 4,096 characters goes out as further replies, the buttons under the last one. Every send waits its
/// turn in the chat's flood control.
/// </summary>
internal sealed class TelegramReply(TelegramBotApi api, FloodControl flood, long chat, long replyTo, ChatPacing pacing) : IChatReply
{
    private long? _shown;

    public ChatPacing Pacing => pacing;

    public Task ShowDraftAsync(string text, CancellationToken cancellationToken) => ShowAsync([TelegramFormatter.Draft(text)], null, cancellationToken);

    public Task ShowAnswerAsync(ChatAnswer answer, CancellationToken cancellationToken) =>
        ShowAsync(TelegramFormatter.Answer(answer.Answer), TelegramFormatter.Keyboard(answer.Buttons), cancellationToken);

    public Task ShowTextAsync(string text, CancellationToken cancellationToken) => ShowAsync(TelegramFormatter.Plain(text), null, cancellationToken);

    public Task SendTypingAsync(CancellationToken cancellationToken) => api.SendChatActionAsync(chat, "typing", cancellationToken);

    private async Task ShowAsync(IReadOnlyList<string> parts, InlineKeyboardMarkup? keyboard, CancellationToken ct)
    {
        for (int i = 0; i < parts.Count; i++)
        {
            var markup = i == parts.Count - 1 ? keyboard : null;
            await flood.WaitTurnAsync(chat, ct);
            if (i == 0 && _shown is { } shown)
            {
                await EditAsync(shown, parts[0], markup, ct);
                continue;
            }
            var sent = await api.SendMessageAsync(chat, parts[i], replyTo, ct, markup);
            if (i == 0) _shown = sent.MessageId;
        }
    }

    private async Task EditAsync(long messageId, string text, InlineKeyboardMarkup? markup, CancellationToken ct)
    {
        try
        {
            await api.EditMessageTextAsync(chat, messageId, text, ct, markup);
        }
        catch (TelegramApiException ex) when (ex.ErrorCode == 400 && ex.Description.Contains("not modified", StringComparison.OrdinalIgnoreCase))
        {
            // Same text as before: nothing to change.
        }
    }
}
