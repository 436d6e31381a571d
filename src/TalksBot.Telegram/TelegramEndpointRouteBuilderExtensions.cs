using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace TalksBot.Telegram;

/// <summary>POST {path of Telegram:WebhookUrl}: checks the secret token before reading (401 otherwise), refuses a body past
/// <see cref="MaxUpdateBytes"/> (413), stores and queues the update, answers 200 without waiting for the answer.</summary>
public static class TelegramEndpointRouteBuilderExtensions
{
    /// <summary>
    /// An update holds one message (at most 4,096 characters of text or 1,024 of caption, with its entities and the
    /// message it replies to): well under 256 KB. A larger body is refused with 413 before it is held in memory.
    /// </summary>
    public const int MaxUpdateBytes = 256 * 1024;

    public static IEndpointRouteBuilder MapTelegramWebhook(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetService<TelegramOptions>();
        if (options is null || !options.Enabled || string.IsNullOrWhiteSpace(options.WebhookUrl)) return endpoints;
        var path = new Uri(options.WebhookUrl).AbsolutePath;
        endpoints.MapPost(path, async (HttpContext http, TelegramWebhookSecret secret, UpdateDispatcher dispatcher) =>
        {
            CappedRequestBody.Limit(http, MaxUpdateBytes);
            if (!secret.Matches(http.Request.Headers["X-Telegram-Bot-Api-Secret-Token"])) return Results.Unauthorized();
            var body = await CappedRequestBody.ReadAsync(http, MaxUpdateBytes, http.RequestAborted);
            if (body is null) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
            Update? update;
            try
            {
                // The Bot API's own JSON options: with the defaults nothing binds and every update reads as Type=Unknown.
                update = JsonSerializer.Deserialize<Update>(body, JsonBotAPI.Options);
            }
            catch (JsonException)
            {
                return Results.BadRequest();
            }
            if (update is null) return Results.BadRequest();
            // 200 only once the update is stored: if storing fails, Telegram delivers it again.
            await dispatcher.AcceptAsync(update, http.RequestAborted);
            return Results.Ok();
        });
        return endpoints;
    }
}
