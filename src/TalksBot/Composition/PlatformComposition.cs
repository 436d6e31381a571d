using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TalksBot.Llm;
using TalksBot.Discord;
using TalksBot.Sources;
using TalksBot.Telegram;

namespace TalksBot.Composition;

/// <summary>The adapters: sources, language model, chat platforms. Each registers itself only when configured.</summary>
internal static class PlatformComposition
{
    public static void AddAdapters(IServiceCollection services, IConfiguration configuration)
    {
        services.AddTalksBotSources(configuration);
        // Before the core: the core only fills in what the adapters did not register (the extractive writer).
        services.AddTalksBotLlm(configuration);
        services.AddTalksBotEmbeddings(configuration);
        services.AddTalksBotTelegram(configuration);
        services.AddTalksBotDiscord(configuration);
    }

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
