using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace TalksBot.Composition;

/// <summary>
/// The configuration every verb reads, lowest precedence first: built-in defaults; appsettings.json and
/// appsettings.{Environment}.json beside the binary; the same two in the current folder (the content root); user
/// secrets in Development; the file named by TALKSBOT_CONFIG; environment variables (Index__DatabasePath);
/// command-line configuration (--Index:DatabasePath=…, --urls …).
/// </summary>
internal static class ConfigurationLayers
{
    public static void Apply(ConfigurationManager configuration, IHostEnvironment environment, IReadOnlyDictionary<string, string?> defaults, string[] args)
    {
        // Beneath everything the default builder added (content-root files, user secrets, environment, args).
        var lowest = new List<IConfigurationSource>
        {
            new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource { InitialData = defaults },
        };
        var binaryFolder = Path.GetFullPath(AppContext.BaseDirectory);
        if (!SameFolder(binaryFolder, environment.ContentRootPath))
        {
            lowest.Add(Json(Path.Combine(binaryFolder, "appsettings.json"), optional: true));
            lowest.Add(Json(Path.Combine(binaryFolder, $"appsettings.{environment.EnvironmentName}.json"), optional: true));
        }
        for (int i = 0; i < lowest.Count; i++) configuration.Sources.Insert(i, lowest[i]);

        var explicitFile = Environment.GetEnvironmentVariable("TALKSBOT_CONFIG");
        if (!string.IsNullOrWhiteSpace(explicitFile)) configuration.Sources.Add(Json(Path.GetFullPath(explicitFile), optional: false));
        // Environment and command line again, above TALKSBOT_CONFIG: they win over every file.
        configuration.AddEnvironmentVariables();
        if (args.Length > 0) configuration.AddCommandLine(args);
    }

    private static IConfigurationSource Json(string path, bool optional)
    {
        var source = new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource { Path = path, Optional = optional, ReloadOnChange = false };
        source.ResolveFileProvider();
        return source;
    }

    private static bool SameFolder(string a, string b) =>
        string.Equals(Path.TrimEndingDirectorySeparator(Path.GetFullPath(a)), Path.TrimEndingDirectorySeparator(Path.GetFullPath(b)), StringComparison.Ordinal);
}
