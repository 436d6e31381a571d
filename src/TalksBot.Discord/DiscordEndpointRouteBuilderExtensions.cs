using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TalksBot.Discord.Interactions;
using TalksBot.Discord.Types;

namespace TalksBot.Discord;

/// <summary>
/// The HTTP interactions endpoint (Discord:InteractionsPath): 401 unless the Ed25519 signature of timestamp + raw body
/// checks out and the timestamp is within five minutes of now (a replayed old request is refused); the headers are
/// checked before the body is read, and a body past <see cref="MaxInteractionBytes"/> is refused with 413; PONG to
/// PING; other interactions are acknowledged in the response body (a deferral: one round trip less inside Discord's
/// 3 seconds than a callback request) and worked on in the background once that response is sent. Behind a load
/// balancer, any instance can take any interaction; with a shared store an interaction id is answered once.
/// </summary>
public static class DiscordEndpointRouteBuilderExtensions
{
    /// <summary>Interactions are small (a command, its options, the member): a few KB. Anything past 64 KB is refused.</summary>
    public const int MaxInteractionBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapDiscordInteractions(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetService<DiscordOptions>();
        if (options is null || !options.InteractionsEnabled) return endpoints;
        var verifier = new Ed25519Verifier(options.PublicKey!);
        var time = endpoints.ServiceProvider.GetService<TimeProvider>() ?? TimeProvider.System;
        endpoints.MapPost(options.InteractionsPath, async (HttpContext http, DiscordBot bot) =>
        {
            CappedRequestBody.Limit(http, MaxInteractionBytes);
            // Headers first: a request that can't be signed (no signature, a stale timestamp) is refused unread.
            string? signature = http.Request.Headers["X-Signature-Ed25519"], timestamp = http.Request.Headers["X-Signature-Timestamp"];
            if (!Ed25519Verifier.IsWellFormed(signature) || !InteractionTimestamp.IsFresh(timestamp, time.GetUtcNow())) return Results.Unauthorized();
            var body = await CappedRequestBody.ReadAsync(http, MaxInteractionBytes, http.RequestAborted);
            if (body is null) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
            if (!verifier.Verify(signature, timestamp, body)) return Results.Unauthorized();
            Interaction? interaction;
            try
            {
                interaction = JsonSerializer.Deserialize<Interaction>(body, DiscordRestClient.Json);
            }
            catch (JsonException)
            {
                return Results.BadRequest();
            }
            if (interaction is null) return Results.BadRequest();
            // A retry of an interaction already taken (here or by another instance) gets the same deferral and no second answer.
            var (response, then, _) = await bot.AcceptAsync(interaction, http.RequestAborted);
            // Edits of the original response are valid only once Discord has the deferral: start the work after it is sent.
            if (then is not null)
            {
                http.Response.OnCompleted(() =>
                {
                    bot.RunInBackground(then, $"interaction {interaction.Id}");
                    return Task.CompletedTask;
                });
            }
            return Results.Json(response, DiscordRestClient.Json);
        });
        return endpoints;
    }
}
