using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TalksBot.Core.Indexing;

namespace TalksBot.Composition;

/// <summary>
/// Builds the application: configuration in standard layers (see <see cref="ConfigurationLayers"/>), the standard
/// Logging section, options validated at start, every adapter composed, telemetry when an operator asks for it.
/// </summary>
public static class TalksBotHost
{
    /// <summary>Host configuration from the command line (--urls …, --Index:DatabasePath=…), split off by Program before the verb is parsed.</summary>
    public static string[] ConfigurationArgs { get; set; } = [];

    /// <summary>A host for one command-line verb: services only, logs to stderr so stdout stays clean for output.</summary>
    public static IHost BuildForCommand(LogLevel minimumLog = LogLevel.Warning, Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationManager();
        // A verb runs for a moment: watching appsettings.json for changes set up a watcher over the whole current folder
        // tree first (~0.3 s of every `ask` and `index status` from a source checkout; more from a busy folder).
        configuration.AddInMemoryCollection([new("hostBuilder:reloadConfigOnChange", "false")]);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            // The current folder, so appsettings.{Environment}.json there is read; the binary's folder stays a layer below.
            ContentRootPath = Environment.CurrentDirectory,
            Args = ConfigurationArgs,
            Configuration = configuration,
        });
        ConfigureCommon(builder.Configuration, builder.Environment, builder.Services, minimumLog, web: false);
        builder.AddTalksBot();
        configure?.Invoke(builder.Services);
        var host = builder.Build();
        ValidateOptions(host.Services);
        return host;
    }

    /// <summary>The long-running bot host: Kestrel for webhooks, interactions, /healthz and /readyz, plus every configured platform.</summary>
    public static WebApplicationBuilder CreateWebBuilder(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = Environment.CurrentDirectory, Args = args });
        ConfigureCommon(builder.Configuration, builder.Environment, builder.Services, LogLevel.Information, web: true);
        // The bot answers question after question from one process: the index's postings are worth holding.
        builder.Services.PostConfigure<IndexOptions>(o => o.HoldPostings ??= true);
        builder.AddTalksBot();
        return builder;
    }

    private static void ConfigureCommon(ConfigurationManager configuration, IHostEnvironment environment, IServiceCollection services, LogLevel minimumLog, bool web)
    {
        ConfigurationLayers.Apply(configuration, environment, LoggingDefaults.For(minimumLog), ConfigurationArgs);
        LoggingDefaults.AddFormatterDefaults(services);
        // Under systemd: journal-friendly console output, readiness and stopping notifications (Type=notify); elsewhere nothing.
        services.AddSystemd();
        TelemetryComposition.AddTalksBotTelemetry(services, configuration, web);
    }

    private static void ValidateOptions(IServiceProvider services)
    {
        services.GetService<IStartupValidator>()?.Validate();
    }
}
