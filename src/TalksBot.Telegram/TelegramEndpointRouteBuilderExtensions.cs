using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TalksBot.Telegram.Types;

namespace TalksBot.Telegram;

/// <summary>POST {path of Telegram:WebhookUrl}: checks the secret token (401 otherwise), stores and queues the update, answers 200 without waiting for the answer.</summary>
public static class TelegramEndpointRouteBuilderExtensions
{
    public static IEndpointRouteBuilder MapTelegramWebhook(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetService<TelegramOptions>();
        if (options is null || !options.Enabled || string.IsNullOrWhiteSpace(options.WebhookUrl)) return endpoints;
        var path = new Uri(options.WebhookUrl).AbsolutePath;
        endpoints.MapPost(path, async (HttpContext http, TelegramWebhookSecret secret, UpdateDispatcher dispatcher) =>
        {
            if (!secret.Matches(http.Request.Headers["X-Telegram-Bot-Api-Secret-Token"])) return Results.Unauthorized();
            Update? update;
            try
            {
                update = await JsonSerializer.DeserializeAsync<Update>(http.Request.Body, TelegramBotApi.Json, http.RequestAborted);
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
