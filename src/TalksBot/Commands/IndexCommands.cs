using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Spectre.Console;
using TalksBot.Composition;
using TalksBot.Core.Conversations;
using TalksBot.Core.Indexing;
using TalksBot.Core.Moderation;
using TalksBot.Core.Refresh;
using TalksBot.Core.Sources;
using TalksBot.Output;

namespace TalksBot.Commands;

/// <summary>`index refresh [--source PATH]...` and `index status [--json]`.</summary>
internal static class IndexCommands
{
    public static Command Create()
    {
        var index = new Command("index", "Build and inspect the article index.");

        var sourceOption = new Option<string[]>("--source")
        {
            Description = "A folder, feed URL or article URL to read (repeatable). Default: the configured Index:Sources.",
            AllowMultipleArgumentsPerToken = false,
        };
        var refresh = new Command("refresh", "Read the sources and update the index (incremental, atomic).") { sourceOption };
        refresh.SetAction((parse, ct) => CommandErrors.RunAsync(() => RefreshAsync(parse.GetValue(sourceOption) ?? [], ct)));
        index.Subcommands.Add(refresh);

        var jsonOption = new Option<bool>("--json") { Description = "Print one JSON object." };
        var status = new Command("status", "Articles, passages, sources, last refresh, database path and size.") { jsonOption };
        status.SetAction((parse, ct) => CommandErrors.RunAsync(() => StatusAsync(parse.GetValue(jsonOption), ct)));
        index.Subcommands.Add(status);
        return index;
    }

    private static async Task<int> RefreshAsync(string[] locations, CancellationToken ct)
    {
        using var host = TalksBotHost.BuildForCommand();
        var services = host.Services;
        IReadOnlyList<IArticleSource> sources;
        bool all = locations.Length == 0;
        if (all)
        {
            sources = await services.GetRequiredService<SourceCatalog>().GetSourcesAsync(ct);
            if (sources.Count == 0)
            {
                return CommandErrors.Fail(ExitCodes.BadUsage, "no sources to read: set Index:Sources in appsettings.json, pass --source PATH, or add one with `source add`.");
            }
        }
        else
        {
            var factory = services.GetRequiredService<IArticleSourceFactory>();
            sources = locations.Select(l => factory.Create(IndexOptionsPaths.ResolveFolder(l))).ToList();
        }
        // A missing folder is that source's error: the others are still read, then the exit code says so.
        var missing = sources.Where(IsMissingFolder).Select(s => s.Location).ToList();
        if (missing.Count == sources.Count)
        {
            return CommandErrors.Fail(ExitCodes.SourceMissing, $"source folder not found: {string.Join(", ", missing)}");
        }

        var refresher = services.GetRequiredService<IndexRefresher>();
        var report = await RunWithProgressAsync(p => refresher.RefreshAsync(sources, p, ct, allSources: all));
        Console.WriteLine(ChatTexts.RefreshSummary(report));
        if (missing.Count > 0)
        {
            return CommandErrors.Fail(ExitCodes.SourceMissing, $"source folder not found: {string.Join(", ", missing)} (the other sources were refreshed)");
        }
        return ExitCodes.Ok;
    }

    private static bool IsMissingFolder(IArticleSource source) => IsMissingPath(source.Location);

    internal static bool IsMissingPath(string location) =>
        !location.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        && !location.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
        && !Directory.Exists(location) && !File.Exists(location);

    /// <summary>Live progress on a terminal; plain lines when output is redirected.</summary>
    internal static async Task<RefreshReport> RunWithProgressAsync(Func<IProgress<RefreshProgress>, Task<RefreshReport>> refresh)
    {
        if (Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            string? lastSource = null;
            int lastEmbedded = 0;
            var embedClock = System.Diagnostics.Stopwatch.StartNew();
            var progress = new SynchronousProgress<RefreshProgress>(p =>
            {
                if (p.Phase == "embedding")
                {
                    // The slow step: a line when it starts, about every tenth of the way, and when it ends.
                    int step = Math.Max(1, p.PassagesToEmbed / 10);
                    if (p.PassagesEmbedded == 0) embedClock.Restart();
                    if (p.PassagesEmbedded == 0 || p.PassagesEmbedded >= lastEmbedded + step || p.PassagesEmbedded == p.PassagesToEmbed)
                    {
                        lastEmbedded = p.PassagesEmbedded;
                        var rate = p.PassagesEmbedded > 0 ? $", {p.PassagesEmbedded / embedClock.Elapsed.TotalSeconds:0.0} passages/s" : "";
                        Console.WriteLine($"embedding {p.PassagesEmbedded:N0}/{p.PassagesToEmbed:N0} passages with {p.EmbeddingModel}{rate}");
                    }
                    return;
                }
                if (p.Phase is not null) { Console.WriteLine($"… {p.Phase}"); return; }
                if (p.Source != lastSource)
                {
                    lastSource = p.Source;
                    Console.WriteLine($"reading {p.SourceNumber}/{p.SourceCount}: {UrlSecrets.Hide(p.Source)}");
                }
                else if (p.DocumentsSeen > 0 && p.DocumentsSeen % 1000 == 0)
                {
                    Console.WriteLine($"  {p.DocumentsSeen:N0} documents: added {p.Added}, updated {p.Updated}, unchanged {p.Unchanged}, skipped {p.Skipped}, errors {p.Errors}");
                }
            });
            return await refresh(progress);
        }

        RefreshReport? report = null;
        await AnsiConsole.Status().StartAsync("Refreshing…", async ctx =>
        {
            // The spinner takes two columns of the terminal's width.
            var width = Math.Max(40, AnsiConsole.Profile.Width) - 2;
            var progress = new SynchronousProgress<RefreshProgress>(p => ctx.Status(Markup.Escape(ChatTexts.RefreshProgressLine(p, width))));
            report = await refresh(progress);
        });
        return report!;
    }

    private static async Task<int> StatusAsync(bool json, CancellationToken ct)
    {
        using var host = TalksBotHost.BuildForCommand();
        var maintenance = host.Services.GetRequiredService<IndexMaintenance>();
        var catalog = host.Services.GetRequiredService<SourceCatalog>();
        var status = await maintenance.StatusAsync(ct);
        var sources = await catalog.ListAsync(ct);
        if (json)
        {
            var list = new JsonArray();
            foreach (var s in sources)
            {
                list.Add(new JsonObject
                {
                    ["location"] = UrlSecrets.Hide(s.Location),
                    ["origin"] = s.Origin,
                    ["articles"] = s.Articles,
                    ["newest_article"] = s.NewestArticle?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["last_success"] = s.LastSuccess?.ToString("O", CultureInfo.InvariantCulture),
                    ["last_error"] = s.LastError is null ? null : new JsonObject
                    {
                        ["at"] = s.LastError.At.ToString("O", CultureInfo.InvariantCulture),
                        ["url"] = UrlSecrets.Hide(s.LastError.Location),
                        ["reason"] = UrlSecrets.HideIn(s.LastError.Reason),
                    },
                });
            }
            var errors = new JsonArray();
            foreach (var e in status.LastRefreshErrors)
            {
                errors.Add(new JsonObject { ["at"] = e.At.ToString("O", CultureInfo.InvariantCulture), ["location"] = UrlSecrets.Hide(e.Location), ["reason"] = UrlSecrets.HideIn(e.Reason) });
            }
            var obj = new JsonObject
            {
                ["articles"] = status.Articles,
                ["passages"] = status.Passages,
                ["sources"] = list,
                ["last_refresh"] = status.LastRefresh?.ToString("O", CultureInfo.InvariantCulture),
                ["last_refresh_errors"] = errors,
                ["database"] = status.DatabasePath,
                ["database_bytes"] = status.DatabaseBytes,
                ["embedding_model"] = status.EmbeddingModel,
                ["embedded_passages"] = status.EmbeddedPassages,
            };
            Console.WriteLine(obj.ToJsonString(AnswerJson.Options));
            return ExitCodes.Ok;
        }
        Console.WriteLine(ChatTexts.Status(status));
        Console.WriteLine($"Database: {status.DatabasePath} ({status.DatabaseBytes / 1024.0 / 1024.0:0.0} MB)");
        Console.WriteLine(ChatTexts.Sources(sources));
        return ExitCodes.Ok;
    }
}
