using System.Security.Cryptography;
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

    /// <summary>
    /// A reused index only says "unchanged" for articles whose text did not change, so passages split or cleaned by an
    /// older build would be measured as if they were today's. The index file is therefore tied to the build of the
    /// assemblies that shape it (Core, Sources, the index and embedding adapters): when they differ it is deleted and
    /// rebuilt, unless <paramref name="keep"/> is set. Returns what it did, for the log.
    /// </summary>
    public static string PrepareDatabase(string databasePath, bool keep)
    {
        var full = Path.GetFullPath(databasePath);
        var stamp = full + ".build";
        var current = BuildFingerprint();
        var previous = File.Exists(stamp) ? File.ReadAllText(stamp).Trim() : null;
        if (!File.Exists(full))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(stamp, current);
            return "new index";
        }
        if (previous == current) return "reusing the index (same build)";
        if (keep) return "reusing an index built by another build of the product (--keep-index): passages may be stale";
        foreach (var f in new[] { full, full + "-wal", full + "-shm" })
        {
            if (File.Exists(f)) File.Delete(f);
        }
        File.WriteAllText(stamp, current);
        return "the index was built by another build of the product: deleted, rebuilding from scratch (--keep-index reuses it)";
    }

    private static string BuildFingerprint()
    {
        // The host, this evaluator and the chat adapters don't shape passages or vectors; everything else may.
        var shaping = Directory.GetFiles(AppContext.BaseDirectory, "TalksBot.*.dll")
            .Where(f => Path.GetFileName(f) is not ("TalksBot.Telegram.dll" or "TalksBot.Discord.dll" or "TalksBot.Bench.dll"))
            .Order(StringComparer.Ordinal);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var f in shaping)
        {
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetFileName(f)));
            sha.AppendData(File.ReadAllBytes(f));
        }
        return Convert.ToHexString(sha.GetHashAndReset());
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
