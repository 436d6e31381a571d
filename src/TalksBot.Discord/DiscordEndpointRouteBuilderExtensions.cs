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
/// checks out; PONG to PING; other interactions are acknowledged in the response body (a deferral: one round trip
/// less inside Discord's 3 seconds than a callback request) and worked on in the background once that response is
/// sent. Stateless, so it scales behind a load balancer.
/// </summary>
public static class DiscordEndpointRouteBuilderExtensions
{
    public static IEndpointRouteBuilder MapDiscordInteractions(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetService<DiscordOptions>();
        if (options is null || !options.InteractionsEnabled) return endpoints;
        var verifier = new Ed25519Verifier(options.PublicKey!);
        endpoints.MapPost(options.InteractionsPath, async (HttpContext http, DiscordBot bot) =>
        {
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
            var body = buffer.ToArray();
            if (!verifier.Verify(http.Request.Headers["X-Signature-Ed25519"], http.Request.Headers["X-Signature-Timestamp"], body))
                return Results.Unauthorized();
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
            var (response, then) = bot.Accept(interaction);
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
