using Microsoft.Extensions.Options;
using TalksBot.Core.Indexing;

namespace TalksBot.Composition;

/// <summary>
/// Resolves relative folder sources and the database path: against the current folder first, then against the
/// application folder (where the sample corpus ships), so `dotnet run` works from the repository root or anywhere.
/// </summary>
internal sealed class IndexOptionsPaths : IPostConfigureOptions<IndexOptions>
{
    public void PostConfigure(string? name, IndexOptions options)
    {
        options.DatabasePath = DatabasePath(options.DatabasePath);
        // Null: the samples shipped beside the binary (when there); an empty value turns the demo off.
        if (options.SamplesPath is null)
        {
            var shipped = Path.Combine(AppContext.BaseDirectory, "samples");
            options.SamplesPath = Directory.Exists(shipped) ? shipped : "";
        }
        else if (options.SamplesPath.Length > 0) options.SamplesPath = ResolveFolder(options.SamplesPath);
        options.Sources = options.Sources.Where(s => !string.IsNullOrWhiteSpace(s)).Select(ResolveFolder).ToList();
    }

    /// <summary>Index:DatabasePath as the index opens it: the default when unset, environment variables expanded, made absolute.</summary>
    public static string DatabasePath(string? configured) =>
        Path.GetFullPath(Environment.ExpandEnvironmentVariables(string.IsNullOrWhiteSpace(configured) ? IndexOptions.DefaultDatabasePath() : configured));

    public static string ResolveFolder(string location)
    {
        location = location.Trim();
        if (Uri.TryCreate(location, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https") return location;
        if (Path.IsPathRooted(location)) return Path.GetFullPath(location);
        var fromCwd = Path.GetFullPath(location);
        if (Directory.Exists(fromCwd) || File.Exists(fromCwd)) return fromCwd;
        var fromApp = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, location));
        return Directory.Exists(fromApp) ? fromApp : fromCwd;
    }
}
