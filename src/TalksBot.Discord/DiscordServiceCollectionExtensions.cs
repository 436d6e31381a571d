using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TalksBot.Discord.Gateway;

namespace TalksBot.Discord;

/// <summary>Registers the Discord bot when Discord:BotToken or Discord:PublicKey is set.</summary>
public static class DiscordServiceCollectionExtensions
{
    public static IServiceCollection AddTalksBotDiscord(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DiscordOptions>().Bind(configuration.GetSection(DiscordOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        var options = configuration.GetSection(DiscordOptions.Section).Get<DiscordOptions>() ?? new DiscordOptions();
        if (!options.Enabled) return services;
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<DiscordOptions>>().Value);
        services.AddHttpClient<DiscordRestClient>(client =>
        {
            client.DefaultRequestHeaders.UserAgent.ParseAdd("DiscordBot (https://github.com/talksbot/talksbot, 1.0)");
            // Each attempt has its own timeout in the resilience pipeline; HttpClient's would also count the waits between attempts.
            client.Timeout = Timeout.InfiniteTimeSpan;
        }).RemoveAllLoggers().AddDiscordResilience();
        services.AddSingleton<DiscordBot>();
        services.AddSingleton<IGatewayDispatchHandler>(sp => sp.GetRequiredService<DiscordBot>());
        services.AddSingleton<DiscordGatewayClient>();
        services.AddHostedService<DiscordService>();
        return services;
    }
}
