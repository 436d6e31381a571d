using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TalksBot.Core;
using TalksBot.Core.Conversations;
using TalksBot.Core.Indexing;
using TalksBot.Core.Retrieval;
using TalksBot.Index.Sqlite;

namespace TalksBot.Composition;

/// <summary>
/// Builds the application: configuration (appsettings.json beside the binary, then one in the current folder, then
/// TALKSBOT_CONFIG, then environment variables), options validated at start, and every adapter composed.
/// </summary>
public static class TalksBotHost
{
    /// <summary>A host for one command-line verb: services only, logs to stderr so stdout stays clean for output.</summary>
    public static IHost BuildForCommand(LogLevel minimumLog = LogLevel.Warning, Action<IServiceCollection>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            DisableDefaults = false,
            Args = [],
        });
        ConfigureSources(builder.Configuration);
        ConfigureLogging(builder.Logging, minimumLog);
        AddServices(builder.Services, builder.Configuration);
        configure?.Invoke(builder.Services);
        var host = builder.Build();
        ValidateOptions(host.Services);
        return host;
    }

    /// <summary>The long-running bot host: Kestrel for webhooks, interactions and /healthz, plus every configured platform.</summary>
    public static WebApplicationBuilder CreateWebBuilder(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, Args = args });
        ConfigureSources(builder.Configuration);
        ConfigureLogging(builder.Logging, LogLevel.Information);
        AddServices(builder.Services, builder.Configuration);
        return builder;
    }

    public static void ConfigureSources(ConfigurationManager configuration)
    {
        var cwdSettings = Path.Combine(Environment.CurrentDirectory, "appsettings.json");
        if (!string.Equals(Path.GetFullPath(cwdSettings), Path.Combine(AppContext.BaseDirectory, "appsettings.json"), StringComparison.Ordinal))
        {
            configuration.AddJsonFile(cwdSettings, optional: true, reloadOnChange: false);
        }
        var explicitFile = Environment.GetEnvironmentVariable("TALKSBOT_CONFIG");
        if (!string.IsNullOrWhiteSpace(explicitFile))
        {
            configuration.AddJsonFile(Path.GetFullPath(explicitFile), optional: false, reloadOnChange: false);
        }
        // Environment variables win over every file (Index__DatabasePath=...).
        configuration.AddEnvironmentVariables();
    }

    private static void ConfigureLogging(ILoggingBuilder logging, LogLevel minimum)
    {
        logging.ClearProviders();
        logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
        });
        logging.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        logging.SetMinimumLevel(minimum);
        // HttpClient logs request URIs; the Telegram token is part of its URIs.
        logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        logging.AddFilter("Microsoft.Hosting.Lifetime", minimum <= LogLevel.Information ? LogLevel.Information : LogLevel.Warning);
    }

    public static void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IndexOptions>().Bind(configuration.GetSection(IndexOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IPostConfigureOptions<IndexOptions>, IndexOptionsPaths>();
        services.AddOptions<ChatOptions>().Bind(configuration.GetSection(ChatOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RetrievalOptions>().Bind(configuration.GetSection("Retrieval"));
        PlatformComposition.AddAdapters(services, configuration);
        services.AddTalksBotCore();
        services.AddSqliteArticleIndex();
    }

    private static void ValidateOptions(IServiceProvider services)
    {
        services.GetService<IStartupValidator>()?.Validate();
    }
}
