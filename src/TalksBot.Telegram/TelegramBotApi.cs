using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using TalksBot.Telegram.Types;

namespace TalksBot.Telegram;

/// <summary>
/// A small typed Bot API client: methods and fields named as in the official docs, requests to
/// {ApiBaseUrl}/bot{token}/{method} as JSON. 429 waits retry_after and retries; 5xx and network errors retry with
/// backoff; other errors throw TelegramApiException. The token is in the URL only, never in a log line.
/// </summary>
public sealed class TelegramBotApi(HttpClient http, TelegramOptions options, TimeProvider time, ILogger<TelegramBotApi> logger)
{
    internal static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };

    private const int Attempts = 4;

    /// <summary>Messages, and presses of the bot's own buttons.</summary>
    internal static readonly string[] AllowedUpdates = ["message", "callback_query"];

    public Task<User> GetMeAsync(CancellationToken ct) => CallAsync<User>("getMe", new { }, ct);

    public Task<Update[]> GetUpdatesAsync(long offset, int timeoutSeconds, CancellationToken ct) =>
        CallAsync<Update[]>("getUpdates", new { offset, timeout = timeoutSeconds, allowed_updates = AllowedUpdates }, ct, retryTransient: false);

    public Task<Message> SendMessageAsync(long chatId, string text, long? replyTo, CancellationToken ct, InlineKeyboardMarkup? replyMarkup = null) =>
        CallAsync<Message>("sendMessage", new
        {
            chat_id = chatId,
            text,
            parse_mode = "HTML",
            link_preview_options = new LinkPreviewOptions(true),
            reply_parameters = replyTo is { } id ? new ReplyParameters(id) : null,
            reply_markup = replyMarkup,
        }, ct);

    public Task<Message> EditMessageTextAsync(long chatId, long messageId, string text, CancellationToken ct, InlineKeyboardMarkup? replyMarkup = null) =>
        CallAsync<Message>("editMessageText", new { chat_id = chatId, message_id = messageId, text, parse_mode = "HTML", link_preview_options = new LinkPreviewOptions(true), reply_markup = replyMarkup }, ct);

    /// <param name="text">Shown to the user as a notification, up to 200 characters.</param>
    public Task<bool> AnswerCallbackQueryAsync(string callbackQueryId, string? text, CancellationToken ct) =>
        CallAsync<bool>("answerCallbackQuery", new { callback_query_id = callbackQueryId, text }, ct);

    public Task<bool> SendChatActionAsync(long chatId, string action, CancellationToken ct) =>
        CallAsync<bool>("sendChatAction", new { chat_id = chatId, action }, ct, retryTransient: false);

    public Task<ChatMember> GetChatMemberAsync(long chatId, long userId, CancellationToken ct) =>
        CallAsync<ChatMember>("getChatMember", new { chat_id = chatId, user_id = userId }, ct);

    public Task<bool> SetMyCommandsAsync(IEnumerable<BotCommand> commands, CancellationToken ct) =>
        CallAsync<bool>("setMyCommands", new { commands }, ct);

    public Task<bool> DeleteWebhookAsync(CancellationToken ct) => CallAsync<bool>("deleteWebhook", new { drop_pending_updates = false }, ct);

    public Task<bool> SetWebhookAsync(string url, string secretToken, CancellationToken ct) =>
        CallAsync<bool>("setWebhook", new { url, secret_token = secretToken, allowed_updates = AllowedUpdates }, ct);

    private async Task<T> CallAsync<T>(string method, object payload, CancellationToken ct, bool retryTransient = true)
    {
        var url = $"{options.ApiBaseUrl.TrimEnd('/')}/bot{options.BotToken}/{method}";
        var backoff = TimeSpan.FromMilliseconds(options.RetryBaseMilliseconds);
        for (int attempt = 1; ; attempt++)
        {
            ApiResponse<T>? response;
            int status;
            try
            {
                using var reply = await http.PostAsJsonAsync(url, payload, Json, ct);
                status = (int)reply.StatusCode;
                response = await ReadAsync<T>(reply, ct);
            }
            catch (HttpRequestException ex) when (retryTransient && attempt < Attempts)
            {
                logger.LogWarning("Telegram {Method} failed ({Reason}); retrying in {Delay} ms", method, ex.HttpRequestError, backoff.TotalMilliseconds);
                await Task.Delay(backoff, time, ct);
                backoff *= 2;
                continue;
            }
            catch (HttpRequestException ex)
            {
                // The message can carry the request URI, which holds the token: say only what kind of failure it was.
                throw new TelegramApiException(method, 0, $"network error ({ex.HttpRequestError})");
            }

            if (response is { Ok: true }) return response.Result!;
            int code = response?.ErrorCode ?? status;
            var description = response?.Description ?? $"HTTP {status}";
            if (code == 429 && attempt < Attempts)
            {
                var wait = TimeSpan.FromSeconds(Math.Max(1, response?.Parameters?.RetryAfter ?? 1));
                logger.LogWarning("Telegram asked to slow down on {Method}; waiting {Seconds} s", method, wait.TotalSeconds);
                await Task.Delay(wait, time, ct);
                continue;
            }
            if (code >= 500 && retryTransient && attempt < Attempts)
            {
                await Task.Delay(backoff, time, ct);
                backoff *= 2;
                continue;
            }
            throw new TelegramApiException(method, code, description);
        }
    }

    private static async Task<ApiResponse<T>?> ReadAsync<T>(HttpResponseMessage reply, CancellationToken ct)
    {
        try
        {
            return await reply.Content.ReadFromJsonAsync<ApiResponse<T>>(Json, ct);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
