using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TalksBot.Core.Conversations;
using Telegram.Bot;

namespace TalksBot.Telegram;

/// <summary>Registers the Telegram bot when Telegram:BotToken is set: client, flood control, handler, and polling or webhook.</summary>
public static class TelegramServiceCollectionExtensions
{
    /// <summary>The IHttpClientFactory name of the Bot API client.</summary>
    public const string HttpClientName = "TalksBot.Telegram";

    public static IServiceCollection AddTalksBotTelegram(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TelegramOptions>().Bind(configuration.GetSection(TelegramOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<TelegramOptions>>(new TelegramConfigurationValidator(configuration.GetSection(TelegramOptions.Section)));
        var options = configuration.GetSection(TelegramOptions.Section).Get<TelegramOptions>() ?? new TelegramOptions();
        if (!options.Enabled) return services;

        services.AddSingleton(sp => sp.GetRequiredService<IOptions<TelegramOptions>>().Value);
        // Every request URI carries the token (/bot<token>/<method>): the factory's request logging, which writes the URI
        // at Information, is removed from this client, so no log level shows it.
        // Each attempt has its own timeout in the resilience pipeline (TelegramHttpResilience); HttpClient's would also
        // count the waits between attempts.
        services.AddHttpClient(HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(3) })
            .RemoveAllLoggers()
            .AddTelegramResilience();
        services.AddSingleton(sp => new FloodControl(sp.GetRequiredService<TelegramOptions>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetService<IRateLimitStore>(), sp.GetRequiredService<ILogger<FloodControl>>()));
        // One client for the bot's life (it holds no per-request state); the pooled connections still renew for DNS changes.
        services.AddSingleton<ITelegramBotClient>(sp =>
            TelegramClients.Create(sp.GetRequiredService<TelegramOptions>(), sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName)));
        services.AddSingleton<UpdateLedger>();
        services.AddSingleton<TelegramBot>();
        services.AddSingleton<UpdateDispatcher>();
        services.AddSingleton<TelegramWebhookSecret>();
        if (string.IsNullOrWhiteSpace(options.WebhookUrl)) services.AddHostedService<TelegramPollingService>();
        else services.AddHostedService<TelegramWebhookService>();
        return services;
    }
}
