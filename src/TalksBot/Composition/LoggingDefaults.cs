using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace TalksBot.Composition;

/// <summary>
/// The lowest configuration layer for "Logging": single-line console to stderr (stdout stays clean for a verb's
/// output), quiet framework categories. Any of it is overridden by the standard Logging section, e.g.
/// Logging:Console:FormatterName=json or Logging:LogLevel:TalksBot=Debug.
/// </summary>
internal static class LoggingDefaults
{
    public static Dictionary<string, string?> For(LogLevel minimum) => new()
    {
        ["Logging:LogLevel:Default"] = minimum.ToString(),
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        // HttpClient logs request URIs, and the Telegram token is part of its URIs (its clients also drop these loggers).
        ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Warning",
        ["Logging:LogLevel:Microsoft.Extensions.Diagnostics.HealthChecks"] = "Warning",
        ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = minimum <= LogLevel.Information ? "Information" : "Warning",
        ["Logging:Console:FormatterName"] = "simple",
        ["Logging:Console:LogToStandardErrorThreshold"] = "Trace",
    };

    /// <summary>Single-line simple console with a short timestamp, applied before the Logging:Console:FormatterOptions binding so that wins.</summary>
    public static void AddFormatterDefaults(IServiceCollection services) =>
        services.Insert(0, ServiceDescriptor.Singleton<IConfigureOptions<SimpleConsoleFormatterOptions>>(
            new ConfigureOptions<SimpleConsoleFormatterOptions>(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "HH:mm:ss ";
            })));
}
