using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Requests;
using Telegram.Bot.Requests.Abstractions;

namespace TalksBot.Telegram;

/// <summary>
/// Telegram.Bot's client with TalksBot's waiting: a 429 is waited out through <see cref="FloodControl"/> (the chat's
/// next turn moves past retry_after) and retried; a 5xx or a network error is retried with backoff. Every wait runs on
/// the host's <see cref="TimeProvider"/>, which is why the library's own 429 wait is off (RetryThreshold = 0): it
/// sleeps on the real clock and knows nothing of the other sends to that chat.
/// </summary>
/// <remarks>
/// Long polling and the typing indicator are not retried on 5xx or network errors: the poll loop has its own backoff,
/// and a late "typing…" is worse than none.
/// </remarks>
public sealed class RetryingTelegramBotClient(
    TelegramBotClientOptions options,
    HttpClient http,
    FloodControl flood,
    TelegramOptions settings,
    TimeProvider time,
    ILogger<RetryingTelegramBotClient> logger) : TelegramBotClient(options, http)
{
    private const int Attempts = 4;

    /// <summary>The library's client options for TalksBot's settings: token, API address, and no 429 wait of its own.</summary>
    public static TelegramBotClientOptions ClientOptions(TelegramOptions settings) =>
        new(settings.BotToken!, settings.ApiBaseUrl) { RetryThreshold = 0 };

    public override async Task<TResponse> SendRequest<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default)
    {
        bool retryTransient = request is not (GetUpdatesRequest or SendChatActionRequest);
        var backoff = TimeSpan.FromMilliseconds(settings.RetryBaseMilliseconds);
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return await base.SendRequest(request, cancellationToken);
            }
            catch (ApiRequestException ex) when (ex.ErrorCode == 429 && attempt < Attempts)
            {
                var wait = TimeSpan.FromSeconds(Math.Max(1, ex.Parameters?.RetryAfter ?? 1));
                logger.LogSlowDown(request.MethodName, wait.TotalSeconds);
                if (request is IChatTargetable { ChatId.Identifier: { } chat })
                {
                    flood.Defer(chat, wait);
                    await flood.WaitTurnAsync(chat, cancellationToken);
                }
                else
                {
                    await Task.Delay(wait, time, cancellationToken);
                }
            }
            catch (RequestException ex) when (retryTransient && attempt < Attempts && IsTransient(ex))
            {
                // The library's message names the failure and the host:port, never the request URI (which holds the token).
                // Debug: if the last attempt fails too, the caller logs that once, with this reason.
                logger.LogRequestRetried(request.MethodName, ex.Message, backoff.TotalMilliseconds);
                await Task.Delay(backoff, time, cancellationToken);
                backoff *= 2;
            }
        }
    }

    /// <summary>A 5xx from the Bot API, a body that isn't the Bot API's (a proxy's error page), or no answer at all.</summary>
    private static bool IsTransient(RequestException ex) => ex is ApiRequestException api ? api.ErrorCode >= 500 : (int?)ex.HttpStatusCode is null or >= 500;
}
