using Microsoft.Extensions.Logging;
using TalksBot.Core.Articles;
using TalksBot.Core.Refresh;
using TalksBot.Core.Sources;
using TalksBot.Sources.Folders;
using TalksBot.Testing;
using TalksBot.Testing.Hostile;

namespace TalksBot.Index.Sqlite.Tests;

/// <summary>Issue 14 item 18: the progress and the summary count the same errors and documents.</summary>
public sealed class RefreshProgressTests : IDisposable
{
    private readonly TempIndex _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Files_that_vanish_mid_refresh_are_counted_once_by_the_last_progress_and_the_summary()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_db.Folder, "news")).FullName;
        foreach (var name in new[] { "a", "b", "c", "d" })
        {
            File.WriteAllText(Path.Combine(folder, name + ".md"), HostileFiles.Article($"Talks report {name}", $"Negotiators met in Geneva for round {name}"));
        }
        var other = Directory.CreateDirectory(Path.Combine(_db.Folder, "other")).FullName;
        File.WriteAllText(Path.Combine(other, "e.md"), HostileFiles.Article("Talks report e", "Negotiators met in Abu Dhabi"));
        var sources = new IArticleSource[] { new FolderSource(folder), new FolderSource(other) };
        Assert.Equal(5, (await _db.Refresher.RefreshAsync(sources, null, default)).Added);

        // c.md and d.md vanish once the folder has been listed and its first file read (the refresher reads ahead of
        // what it stores, so the files go when the scan yields its first item, not when progress reports it).
        sources[0] = new VanishingAfterFirst((FolderSource)sources[0], Path.Combine(folder, "c.md"), Path.Combine(folder, "d.md"));
        var progress = new Recorder(_ => { });
        var report = await _db.Refresher.RefreshAsync(sources, progress, default);

        Assert.Equal(2, report.Errors.Count);
        var reading = progress.Seen.Where(p => p.Phase is null).ToList();
        var endOfFirst = reading.Last(p => p.SourceNumber == 1);
        Assert.Equal((4, 2, 4), (endOfFirst.DocumentsSeen, endOfFirst.Errors, endOfFirst.DocumentsTotal));
        var last = reading[^1];
        Assert.Equal((report.Errors.Count, report.Unchanged, 5), (last.Errors, last.Unchanged, last.DocumentsTotal));
        Assert.All(progress.Seen, p => Assert.True(p.Errors <= report.Errors.Count, $"progress said {p.Errors} errors, the summary {report.Errors.Count}"));
        Assert.All(progress.Seen, p => Assert.True(p.DocumentsTotal <= 5, $"progress said {p.DocumentsTotal} documents of 5"));
    }

    [Fact]
    public async Task An_unreadable_source_is_one_warning_with_an_event_id_its_location_said_once_and_masked()
    {
        var logger = new CapturingLogger<IndexRefresher>();
        var refresher = new IndexRefresher(_db.Index, new PassageSplitter(), TimeProvider.System, logger: logger);
        const string location = "https://feeds.example/rss?token=T0K3N";
        var source = new InMemorySource(location) { UnavailableReason = $"{location}: HTTP 500 Internal Server Error" };

        var report = await refresher.RefreshAsync([source], null, default);

        Assert.Single(report.Errors);
        var logged = Assert.Single(logger.Events);
        Assert.Equal((LogLevel.Warning, 1201, "SourceUnreadable"), (logged.Level, logged.Id.Id, logged.Id.Name));
        Assert.Equal("Source https://feeds.example/rss?token=*** could not be read: HTTP 500 Internal Server Error; its indexed articles are kept", logged.Message);
    }

    /// <summary>A folder whose files are deleted after its listing, while it is being read.</summary>
    private sealed class VanishingAfterFirst(FolderSource inner, params string[] files) : IArticleSource
    {
        public string Location => inner.Location;

        public async IAsyncEnumerable<SourceItem> ScanAsync(SourceScanContext context, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            bool first = true;
            await foreach (var item in inner.ScanAsync(context, cancellationToken))
            {
                if (first)
                {
                    foreach (var f in files) File.Delete(f);
                    first = false;
                }
                yield return item;
            }
        }
    }

    /// <summary>Progress as it is reported, on the refresh's own thread (System.Progress would post it later).</summary>
    private sealed class Recorder(Action<RefreshProgress> onReport) : IProgress<RefreshProgress>
    {
        public List<RefreshProgress> Seen { get; } = [];

        public void Report(RefreshProgress value)
        {
            Seen.Add(value);
            onReport(value);
        }
    }
}
