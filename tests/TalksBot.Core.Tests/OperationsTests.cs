using TalksBot.Core.Conversations;
using TalksBot.Core.Health;
using TalksBot.Core.Indexing;
using TalksBot.Core.Refresh;
using TalksBot.Testing;

namespace TalksBot.Core.Tests;

public class OperationsTests
{
    [Fact]
    public void The_live_progress_fits_80_columns_and_shows_the_page_being_fetched_with_totals_across_sources()
    {
        var url = "https://www.example-news-site.org/world/europe/2026/02/07/a-very-long-article-slug-about-the-peace-talks-in-abu-dhabi?utm_source=feed";
        var p = new RefreshProgress("https://www.example-news-site.org/feeds/world.xml", 2, 3, 14, 1200, 3, 5, 17, 2)
        {
            DocumentsTotal = 12_345,
            Fetching = url,
        };
        var line = ChatTexts.RefreshProgressLine(p, 80);
        Assert.True(line.Length < 80, line);
        Assert.DoesNotContain('\n', line);
        Assert.StartsWith("2/3 GET www.exam", line);
        Assert.Contains("feed · ", line); // the end of the URL, then the counts
        Assert.Contains("…", line);
        Assert.Contains("12,345 read: 1200 new, 3 upd, 17 skip, 2 err", line);

        var folder = ChatTexts.RefreshProgressLine(new RefreshProgress("/srv/articles", 1, 1, 3, 3, 0, 0, 0, 0) { DocumentsTotal = 3 }, 80);
        Assert.Equal("1/1 /srv/articles · 3 read: 3 new, 0 upd, 0 skip, 0 err", folder);
        Assert.True(ChatTexts.RefreshProgressLine(p, 40).Length < 40);
    }

    [Fact]
    public void Refresh_errors_name_the_url_once()
    {
        var report = new RefreshReport
        {
            Errors = [new SourceError(DateTimeOffset.UnixEpoch, "https://x.example/a", "https://x.example/a: HTTP 404 Not Found")],
            Skipped = [],
        };
        var summary = ChatTexts.RefreshSummary(report);
        Assert.Contains("error https://x.example/a: HTTP 404 Not Found", summary);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(summary, "x.example/a"));
    }

    [Fact]
    public void The_status_board_reports_changes_once_and_stopped_is_final()
    {
        var board = new PlatformStatusBoard(new Microsoft.Extensions.Time.Testing.FakeTimeProvider());
        var changes = new List<PlatformStatus>();
        board.Changed += changes.Add;
        board.Report("telegram", PlatformState.Connected);
        board.Report("telegram", PlatformState.Connected);
        board.Report("telegram", PlatformState.Retrying, "timeout");
        board.Report("telegram", PlatformState.Stopped, "token rejected");
        board.Report("telegram", PlatformState.Connected);
        Assert.Equal([PlatformState.Connected, PlatformState.Retrying, PlatformState.Stopped], changes.Select(c => c.State));
        Assert.Equal(PlatformState.Stopped, board.Get("telegram")!.State);
        Assert.Equal("token rejected", board.Get("telegram")!.Reason);
        Assert.Null(board.Get("discord"));
    }
}
