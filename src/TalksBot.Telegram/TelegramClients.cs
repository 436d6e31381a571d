using Telegram.Bot;
using Telegram.Bot.Requests.Abstractions;

namespace TalksBot.Telegram;

/// <summary>
/// Telegram.Bot's client as TalksBot uses it: over the factory's HttpClient (whose resilience pipeline does the
/// retrying, see <see cref="TelegramHttpResilience"/>), with the library's own 429 wait off (RetryThreshold = 0: it
/// sleeps on the real clock and knows nothing of the other sends to that chat).
/// </summary>
public static class TelegramClients
{
    public static TelegramBotClient Create(TelegramOptions settings, HttpClient http)
    {
        var client = new TelegramBotClient(new TelegramBotClientOptions(settings.BotToken!, settings.ApiBaseUrl) { RetryThreshold = 0 }, http);
        // The HTTP layer sees only a URL and a JSON body: the chat a request is for rides on the request, so a 429 can
        // move that chat's next turn in flood control.
        client.OnMakingApiRequest += (_, args, _) =>
        {
            if (args.Request is IChatTargetable { ChatId.Identifier: { } chat } && args.HttpRequestMessage is { } request)
                request.Options.Set(TelegramHttpResilience.Chat, chat);
            return ValueTask.CompletedTask;
        };
        return client;
    }
}
