using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TalksBot.Composition;
using TalksBot.Core.Indexing;
using TalksBot.Core.Refresh;
using TalksBot.Core.Sources;

namespace TalksBot.Evaluation;

/// <summary>
/// The articles the answer sets are written over (../shared/articles, corpora/talks-2025-2026, corpora/war-2022-2024)
/// and a host composed exactly as the `ask` verb composes it, with only the index file chosen here.
/// </summary>
public static class EvaluationCorpus
{
    public static readonly IReadOnlyList<string> Folders = ["articles", "corpora/talks-2025-2026", "corpora/war-2022-2024"];

    /// <summary>The product's default composition (TalksBotHost) over the given index file.</summary>
    public static IHost BuildHost(string databasePath, LogLevel minimumLog = LogLevel.Warning)
    {
        var full = Path.GetFullPath(databasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        // Runs after IndexOptionsPaths, so the configured (or default) database path is replaced, nothing else.
        return TalksBotHost.BuildForCommand(minimumLog, services => services.PostConfigure<IndexOptions>(o => o.DatabasePath = full));
    }

    /// <summary>Refreshes the index from the three folders: a re-run over unchanged articles only checks their hashes.</summary>
    public static Task<RefreshReport> RefreshAsync(IServiceProvider services, string sharedRoot, IProgress<RefreshProgress>? progress, CancellationToken cancellationToken)
    {
        var factory = services.GetRequiredService<IArticleSourceFactory>();
        var sources = Folders.Select(f => factory.Create(Path.Combine(sharedRoot, f), "folder")).ToList();
        return services.GetRequiredService<IndexRefresher>().RefreshAsync(sources, progress, cancellationToken);
    }

    /// <summary>../shared beside the checkout (or TALKSBOT_SHARED), looked for above the current folder and the binary.</summary>
    public static string? FindSharedRoot()
    {
        var fromEnv = Environment.GetEnvironmentVariable("TALKSBOT_SHARED");
        if (!string.IsNullOrEmpty(fromEnv) && Directory.Exists(Path.Combine(fromEnv, "corpora"))) return Path.GetFullPath(fromEnv);
        var repo = FindRepositoryRoot();
        if (repo is null) return null;
        var candidate = Path.GetFullPath(Path.Combine(repo, "..", "shared"));
        return Directory.Exists(Path.Combine(candidate, "corpora")) ? candidate : null;
    }

    /// <summary>A set named "devset" or "heldout" is the file under tests/TalksBot.Tests/Evaluation; anything else is a path.</summary>
    public static string ResolveSet(string nameOrPath)
    {
        if (File.Exists(nameOrPath)) return Path.GetFullPath(nameOrPath);
        var repo = FindRepositoryRoot();
        var name = nameOrPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? nameOrPath : nameOrPath + ".json";
        var candidate = repo is null ? null : Path.Combine(repo, "tests", "TalksBot.Tests", "Evaluation", name);
        if (candidate is not null && File.Exists(candidate)) return candidate;
        throw new FileNotFoundException($"question set '{nameOrPath}' not found (looked for it as a path and as {candidate ?? "tests/TalksBot.Tests/Evaluation/" + name + " in the checkout"})");
    }

    private static string? FindRepositoryRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            var dir = new DirectoryInfo(start);
            while (dir is not null)
            {
                if (File.Exists(Path.Combine(dir.FullName, "TalksBot.sln"))) return dir.FullName;
                dir = dir.Parent;
            }
        }
        return null;
    }
}
