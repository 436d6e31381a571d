using Microsoft.Data.Sqlite;
using TalksBot.Core.Indexing;
using TalksBot.Core.Sources;
using TalksBot.Testing;

namespace TalksBot.Index.Sqlite.Tests;

public class RefreshTests : IDisposable
{
    private readonly TempIndex _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Refresh_is_incremental_unchanged_skipped_changed_replaced_vanished_removed()
    {
        var source = new InMemorySource("mem://a")
            .Put("one", Articles.Make("Lavrov offer", Articles.Body("Lavrov offering talks")))
            .Put("two", Articles.Make("Energy truce", Articles.Body("the energy truce")))
            .Put("three", Articles.Make("Prisoner swap", Articles.Body("a prisoner swap")));
        var first = await _db.Refresher.RefreshAsync([source], null, default);
        Assert.Equal((3, 0, 0, 0), (first.Added, first.Updated, first.Removed, first.Unchanged));

        source.Put("two", Articles.Make("Energy truce", Articles.Body("the energy truce collapsing")));
        source.Remove("three");
        var second = await _db.Refresher.RefreshAsync([source], null, default);
        Assert.Equal((0, 1, 1, 1), (second.Added, second.Updated, second.Removed, second.Unchanged));

        var status = await _db.Index.GetStatusAsync(default);
        Assert.Equal(2, status.Articles);
        Assert.Empty(await _db.Index.SearchAsync(["swap"], 10, false, default));
        Assert.NotEmpty(await _db.Index.SearchAsync(["collaps"], 10, false, default));
    }

    [Fact]
    public async Task Refresh_that_fails_midway_leaves_the_previous_index_serving_intact()
    {
        var source = new InMemorySource("mem://a").Put("one", Articles.Make("Lavrov offer", Articles.Body("Lavrov offering talks")));
        await _db.Refresher.RefreshAsync([source], null, default);
        var before = await _db.Index.GetStatusAsync(default);

        source.Put("two", Articles.Make("New", Articles.Body("Geneva")));
        source.Put("three", Articles.Make("Newer", Articles.Body("Istanbul")));
        source.Remove("one");
        source.BeforeItem = i => { if (i == 1) throw new InvalidOperationException("disk full"); };
        await Assert.ThrowsAsync<InvalidOperationException>(() => _db.Refresher.RefreshAsync([source], null, default));

        var after = await _db.Index.GetStatusAsync(default);
        Assert.Equal(before.Articles, after.Articles);
        Assert.Equal(before.Passages, after.Passages);
        Assert.Equal(before.LastRefresh, after.LastRefresh);
        Assert.NotEmpty(await _db.Index.SearchAsync(["lavrov"], 10, false, default));
        Assert.Empty(await _db.Index.SearchAsync(["geneva"], 10, false, default));

        // The lock was released with the failed session: the next refresh runs.
        source.BeforeItem = null;
        var report = await _db.Refresher.RefreshAsync([source], null, default);
        Assert.Equal(2, report.Added);
    }

    [Fact]
    public async Task A_source_that_cannot_be_read_keeps_its_articles_and_records_the_error()
    {
        var source = new InMemorySource("mem://feed").Put("one", Articles.Make("Lavrov offer", Articles.Body("Lavrov")));
        await _db.Refresher.RefreshAsync([source], null, default);
        source.UnavailableReason = "connection refused";
        var report = await _db.Refresher.RefreshAsync([source], null, default);
        Assert.Equal(0, report.Removed);
        Assert.Contains(report.Errors, e => e.Reason == "connection refused");
        var status = await _db.Index.GetStatusAsync(default);
        Assert.Equal(1, status.Articles);
        var record = Assert.Single(status.Sources);
        Assert.Equal("connection refused", record.LastError?.Reason);
        Assert.Contains(status.LastRefreshErrors, e => e.Location == "mem://feed");
    }

    [Fact]
    public async Task Skipped_and_failed_documents_are_reported_and_the_rest_still_indexes()
    {
        var source = new InMemorySource("mem://a")
            .Put("good", Articles.Make("Good", Articles.Body("Geneva talks")))
            .PutItem(new ArticleSkipped("empty.txt", "empty file"))
            .PutItem(new ArticleFailed("https://x/slow", "timed out after 20 s"));
        var report = await _db.Refresher.RefreshAsync([source], null, default);
        Assert.Equal(1, report.Added);
        Assert.Contains(report.Skipped, s => s.Origin == "empty.txt" && s.Reason == "empty file");
        Assert.Contains(report.Errors, e => e.Location == "https://x/slow" && e.Reason.Contains("timed out"));
    }

    [Fact]
    public async Task The_same_article_reached_twice_is_stored_once()
    {
        var body = Articles.Body("the Abu Dhabi round");
        var a = new InMemorySource("mem://a").Put("a1", Articles.Make("Abu Dhabi", body, url: "https://news.example/abu-dhabi"));
        var b = new InMemorySource("mem://b")
            .Put("b1", Articles.Make("Abu Dhabi (copy)", Articles.Body("something else entirely"), url: "https://news.example/abu-dhabi"))
            .Put("b2", Articles.Make("Same body, other URL", body.ToUpperInvariant().Replace(".", " ."), url: "https://mirror.example/x"));
        var report = await _db.Refresher.RefreshAsync([a, b], null, default);
        Assert.Equal(1, report.Added);
        Assert.Equal(2, report.Duplicates);
        Assert.All(report.Skipped, s => Assert.Contains("same article as a1", s.Reason));
        Assert.Equal(1, (await _db.Index.GetStatusAsync(default)).Articles);
    }

    [Fact]
    public async Task Two_refreshes_on_one_database_never_run_at_once()
    {
        var other = new SqliteArticleIndex(_db.Path);
        await using var first = await _db.Index.BeginRefreshAsync(default);
        var ex = await Assert.ThrowsAsync<RefreshInProgressException>(() => other.BeginRefreshAsync(default));
        Assert.Contains("Another refresh", ex.Message);
    }

    [Fact]
    public async Task A_full_refresh_drops_articles_of_sources_no_longer_configured()
    {
        var a = new InMemorySource("mem://a").Put("a1", Articles.Make("A", Articles.Body("Geneva")));
        var b = new InMemorySource("mem://b").Put("b1", Articles.Make("B", Articles.Body("Istanbul")));
        await _db.Refresher.RefreshAsync([a, b], null, default, allSources: true);
        var report = await _db.Refresher.RefreshAsync([a], null, default, allSources: true);
        Assert.Equal(1, report.Removed);
        Assert.Empty(await _db.Index.SearchAsync(["istanbul"], 10, false, default));
    }
}
