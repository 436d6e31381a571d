using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TalksBot.Telegram;

/// <summary>Registers the Telegram bot when Telegram:BotToken is set: client, flood control, handler, and polling or webhook.</summary>
public static class TelegramServiceCollectionExtensions
{
    public static IServiceCollection AddTalksBotTelegram(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TelegramOptions>().Bind(configuration.GetSection(TelegramOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        var options = configuration.GetSection(TelegramOptions.Section).Get<TelegramOptions>() ?? new TelegramOptions();
        if (!options.Enabled) return services;

        services.AddSingleton(sp => sp.GetRequiredService<IOptions<TelegramOptions>>().Value);
        services.AddHttpClient<TelegramBotApi>(client => client.Timeout = TimeSpan.FromSeconds(options.PollTimeoutSeconds + 20))
            .RemoveAllLoggers(); // request URIs carry the token
        services.AddSingleton(sp => new FloodControl(sp.GetRequiredService<TelegramOptions>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<UpdateLedger>();
        services.AddSingleton<TelegramBot>();
        services.AddSingleton<UpdateDispatcher>();
        services.AddSingleton<TelegramWebhookSecret>();
        if (string.IsNullOrWhiteSpace(options.WebhookUrl)) services.AddHostedService<TelegramPollingService>();
        else services.AddHostedService<TelegramWebhookService>();
        return services;
    }
}
