using TalksBot.Core.Chat;
using Telegram.Bot;

namespace TalksBot.Telegram;

/// <summary>
/// The reply to a button press: answerCallbackQuery with the text as its notification (Telegram shows a progress bar
/// until it is answered). A button press never asks a question, so it has no drafts, answers or typing.
/// </summary>
internal sealed class TelegramCallbackReply(ITelegramBotClient api, string callbackQueryId, ChatPacing pacing) : IChatReply
{
    private const int MaxText = 200;

    public ChatPacing Pacing => pacing;

    public Task ShowTextAsync(string text, CancellationToken cancellationToken) =>
        api.AnswerCallbackQuery(callbackQueryId, text.Length <= MaxText ? text : text[..(MaxText - 1)] + "…", cancellationToken: cancellationToken);

    public Task ShowDraftAsync(string text, CancellationToken cancellationToken) => throw new NotSupportedException("A button press has no answer to draft.");

    public Task ShowAnswerAsync(ChatAnswer answer, CancellationToken cancellationToken) => throw new NotSupportedException("A button press has no answer to show.");

    public Task SendTypingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
