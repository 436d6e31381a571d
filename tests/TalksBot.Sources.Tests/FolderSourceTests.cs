using System.Text;
using TalksBot.Core.Sources;
using TalksBot.Sources.Folders;
using TalksBot.Testing;

namespace TalksBot.Sources.Tests;

public class FolderSourceTests : IDisposable
{
    private readonly TempFolder _dir = new("talksbot-folder-");

    public void Dispose() => _dir.Dispose();

    private static async Task<List<SourceItem>> ScanAsync(FolderSource source, SourceScanContext? context = null)
    {
        var items = new List<SourceItem>();
        await foreach (var item in source.ScanAsync(context ?? SourceScanContext.Empty, default)) items.Add(item);
        return items;
    }

    [Fact]
    public async Task Bad_files_are_skipped_with_their_reason_and_good_ones_still_read()
    {
        var sub = Directory.CreateDirectory(Path.Combine(_dir.Path, "nested")).FullName;
        File.Copy(Directory.GetFiles(SharedData.Articles, "000_*.txt").Single(), Path.Combine(sub, "good.txt"));
        File.WriteAllText(Path.Combine(_dir.Path, "good.md"), "---\ntitle: \"Geneva\"\nsource: \"Wire\"\npublished: 2026-02-17\n---\n\nDelegations met in Geneva for a third round of talks.");
        File.WriteAllBytes(Path.Combine(_dir.Path, "empty.txt"), []);
        File.WriteAllBytes(Path.Combine(_dir.Path, "binary.html"), [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x01, 0x02]);
        File.WriteAllBytes(Path.Combine(_dir.Path, "latin1.txt"), Encoding.Latin1.GetBytes("Caf\u00e9 au lait avec le ministre, d\u00e9clar\u00e9 hier."));
        File.WriteAllBytes(Path.Combine(_dir.Path, "huge.md"), new byte[5 * 1024 * 1024 + 1]);
        File.WriteAllText(Path.Combine(_dir.Path, "broken.md"), "---\ntitle: [unclosed\n---\nBody.");
        File.WriteAllText(Path.Combine(_dir.Path, "data.csv"), "a,b\n1,2");
        File.WriteAllText(Path.Combine(_dir.Path, ".hidden.md"), "---\ntitle: x\n---\nhidden");

        var items = await ScanAsync(new FolderSource(_dir.Path));
        string Reason(string name) => Assert.IsType<ArticleSkipped>(items.Single(i => Path.GetFileName(i.Origin) == name)).Reason;

        Assert.Equal(2, items.OfType<ArticleFound>().Count());
        Assert.Equal("empty file", Reason("empty.txt"));
        Assert.Contains("binary", Reason("binary.html"));
        Assert.Contains("not valid UTF-8", Reason("latin1.txt"));
        Assert.Contains("larger than 5 MB", Reason("huge.md"));
        Assert.Contains("not valid YAML", Reason("broken.md"));
        Assert.Equal("unsupported file type .csv", Reason("data.csv"));
        Assert.DoesNotContain(items, i => i.Origin.Contains(".hidden"));
    }

    [Fact]
    public async Task Unchanged_files_are_not_parsed_again()
    {
        File.WriteAllText(Path.Combine(_dir.Path, "a.md"), "---\ntitle: A\n---\nSome text about Geneva talks.");
        var first = Assert.IsType<ArticleFound>(Assert.Single(await ScanAsync(new FolderSource(_dir.Path))));
        var stored = new Dictionary<string, Core.Indexing.StoredArticle> { [first.Origin] = new(first.Origin, first.ContentHash, null) };
        var again = await ScanAsync(new FolderSource(_dir.Path), new SourceScanContext(stored));
        Assert.IsType<ArticleUnchanged>(Assert.Single(again));
    }

    [Fact]
    public async Task A_missing_folder_makes_the_source_unavailable_with_the_path()
    {
        var missing = Path.Combine(_dir.Path, "nope");
        var ex = await Assert.ThrowsAsync<SourceUnavailableException>(() => ScanAsync(new FolderSource(missing)));
        Assert.Contains(missing, ex.Message);
    }
}
