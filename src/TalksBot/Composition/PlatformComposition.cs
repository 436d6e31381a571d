using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using TalksBot.Discord;
using TalksBot.Telegram;

namespace TalksBot.Composition;

/// <summary>Which chat platforms are configured, and their endpoints (registration is in <see cref="TalksBotComposition"/>).</summary>
internal static class PlatformComposition
{
    public static IReadOnlyList<string> ConfiguredPlatforms(IConfiguration configuration)
    {
        var platforms = new List<string>();
        if (!string.IsNullOrWhiteSpace(configuration["Telegram:BotToken"])) platforms.Add("Telegram");
        if (!string.IsNullOrWhiteSpace(configuration["Discord:BotToken"]) || !string.IsNullOrWhiteSpace(configuration["Discord:PublicKey"])) platforms.Add("Discord");
        return platforms;
    }

    public static void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapTelegramWebhook();
        endpoints.MapDiscordInteractions();
    }
}
