using TalksBot.Core.Indexing;
using TalksBot.Core.Sources;
using TalksBot.Sources.Folders;
using TalksBot.Testing;
using TalksBot.Testing.Hostile;

namespace TalksBot.Sources.Tests;

/// <summary>Issue 14 items 5 and 9: hostile folder shapes end, and an unreadable subfolder keeps its articles.</summary>
public sealed class HostileFolderTests : IDisposable
{
    private readonly TempFolder _dir = new("talksbot-hostile-folder-");

    public void Dispose() => _dir.Dispose();

    private static async Task<List<SourceItem>> ScanAsync(FolderSource source, SourceScanContext? context = null)
    {
        var items = new List<SourceItem>();
        // A hang is the failure here: the scan must end on its own, well within the timeout.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await foreach (var item in source.ScanAsync(context ?? SourceScanContext.Empty, timeout.Token)) items.Add(item);
        return items;
    }

    [Fact]
    public async Task Looping_links_a_named_pipe_and_a_link_to_dev_zero_are_read_once_or_skipped_and_the_article_is_indexed()
    {
        if (OperatingSystem.IsWindows()) return;
        File.WriteAllText(Path.Combine(_dir.Path, "geneva.md"), HostileFiles.Article("Geneva talks", "Delegations in Geneva agreed on a prisoner exchange"));
        HostileFiles.MakeLoopsPipeAndEndlessFile(_dir.Path);

        var items = await ScanAsync(new FolderSource(_dir.Path));
        var found = Assert.Single(items.OfType<ArticleFound>());
        Assert.Equal(Path.Combine(_dir.Path, "geneva.md"), found.Origin); // once, not again through sub/up and sub/up2
        Assert.Contains("not a regular file", Assert.IsType<ArticleSkipped>(items.Single(i => i.Origin.EndsWith("pipe.txt"))).Reason);
        Assert.Contains("not a regular file", Assert.IsType<ArticleSkipped>(items.Single(i => i.Origin.EndsWith("zero.md"))).Reason);
        Assert.Equal(3, items.Count);
    }

    [Fact]
    public async Task An_unreadable_subfolder_is_an_error_and_its_indexed_articles_are_kept()
    {
        var locked = Directory.CreateDirectory(Path.Combine(_dir.Path, "locked")).FullName;
        File.WriteAllText(Path.Combine(locked, "a.md"), HostileFiles.Article("Istanbul", "Negotiators in Istanbul discussed the energy truce"));
        File.WriteAllText(Path.Combine(_dir.Path, "b.md"), HostileFiles.Article("Riyadh", "Officials in Riyadh discussed a ceasefire at sea"));
        var first = await ScanAsync(new FolderSource(_dir.Path));
        var stored = first.OfType<ArticleFound>().ToDictionary(f => f.Origin, f => new StoredArticle(f.Origin, f.ContentHash, null));
        Assert.Equal(2, stored.Count);

        // Permission denied on "locked" (simulated: tests may run as root, which no permission stops).
        var source = new FolderSource(_dir.Path, dir => dir == locked
            ? throw new UnauthorizedAccessException($"Access to the path '{locked}' is denied.")
            : new DirectoryInfo(dir).EnumerateFileSystemInfos());
        var second = await ScanAsync(source, new SourceScanContext(stored));
        var failed = Assert.Single(second.OfType<ArticleFailed>());
        Assert.Equal(locked, failed.Origin);
        Assert.Contains("is denied", failed.Reason);
        Assert.Contains("1 indexed article(s) are kept", failed.Reason);
        Assert.Contains(second, i => i is ArticleUnchanged && i.Origin == Path.Combine(locked, "a.md"));
    }
}
