using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TalksBot.Core.Sources;
using TalksBot.Sources.Feeds;
using TalksBot.Sources.Html;
using TalksBot.Sources.Parsing;
using TalksBot.Sources.Web;
using TalksBot.Testing;
using TalksBot.Testing.Hostile;

namespace TalksBot.Sources.Tests;

/// <summary>
/// Issue 14 item 4: deeply nested HTML made parsing quadratic (100,000 nested &lt;div&gt;s took a minute from a folder,
/// 200,000 from a URL seven). Such a page is refused once it passes the nesting cap, with the reason; the stop is
/// shown to come early by the position it names, not by a clock.
/// </summary>
public sealed class HostileHtmlTests
{
    [Theory]
    [InlineData("<div>")]
    [InlineData("<blockquote>")]
    [InlineData("<div/>")] // the slash means nothing in HTML: each still opens
    [InlineData("<b id=x>")]
    [InlineData("<dd><li>")] // each closes only its own kind, so the two alternating pile up
    [InlineData("<svg><foreignObject><x/>")] // HTML again inside foreignObject: the slash means nothing there either
    public void A_page_nested_100000_deep_is_skipped_with_the_reason_as_soon_as_it_passes_the_cap(string open)
    {
        var html = HostileHtml.Nested(100_000, open);

        var item = ArticleFileReader.Read("/corpus/deep.html", Encoding.UTF8.GetBytes(html), null);

        var skipped = Assert.IsType<ArticleSkipped>(item);
        Assert.Contains($"nests more than {BoundedHtmlParser.MaxOpenElements:N0} elements", skipped.Reason);
        Assert.True(StoppedAt(skipped.Reason) < 60 + (BoundedHtmlParser.MaxOpenElements + 2) * open.Length,
            $"the parser should stop right after the cap, not read the whole {html.Length:N0}-character page: {skipped.Reason}");
    }

    [Fact]
    public void A_page_that_repeats_tags_deep_under_the_cap_is_skipped_once_its_parsing_work_passes_the_budget()
    {
        // 990 open, then 300,000 more tags down there: 3.3 MB that took 7 s to parse (twice, with the retry).
        var html = HostileHtml.DeepThenWide(BoundedHtmlParser.MaxOpenElements - 10, 300_000);

        var item = ArticleFileReader.Read("/corpus/deep-and-wide.html", Encoding.UTF8.GetBytes(html), null);

        var reason = Assert.IsType<ArticleSkipped>(item).Reason;
        Assert.Contains("too deep inside each other for its size", reason);
        // Stopped once the budget was spent, about MaxWork / 991 pairs of 11 characters in, not at the end of the page.
        long pairsRead = BoundedHtmlParser.MaxWork / (BoundedHtmlParser.MaxOpenElements - 9);
        Assert.InRange(StoppedAt(reason), pairsRead * 10, pairsRead * 11 + 10_000);
    }

    [Fact]
    public void Formatting_elements_the_parser_reopens_count_as_open()
    {
        var item = ArticleFileReader.Read("/corpus/reopened.html", Encoding.UTF8.GetBytes(HostileHtml.ReopenedFormatting(50_000)), null);

        Assert.Contains("nests more than", Assert.IsType<ArticleSkipped>(item).Reason);
    }

    [Fact]
    public void A_page_nested_below_the_cap_is_read_as_before()
    {
        var html = HostileHtml.Nested(BoundedHtmlParser.MaxOpenElements - 50);

        var article = HtmlArticleExtractor.Extract(html, null).Article;

        Assert.Equal(HostileHtml.Story, article.Body);
        Assert.Equal("Geneva talks end", article.Title);
    }

    [Fact]
    public void Thousands_of_self_closing_svg_shapes_and_unclosed_list_items_are_not_nesting()
    {
        var article = HtmlArticleExtractor.Extract(HostileHtml.LargeDrawing(5_000), null).Article;

        Assert.StartsWith(HostileHtml.Story, article.Body);
        Assert.Contains("item 2000", article.Body);
    }

    [Fact]
    public void A_feed_summary_nested_too_deep_keeps_its_words()
    {
        var summary = System.Net.WebUtility.HtmlEncode(string.Concat(Enumerable.Repeat("<div>", 50_000)) + HostileHtml.Story);
        var feed = Encoding.UTF8.GetBytes($"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Deep</title><item><title>Talks</title><link>https://wire.example/1</link><description>{summary}</description></item></channel></rss>");

        var item = Assert.Single(FeedParser.Parse(feed, new Uri("https://wire.example/rss")).Items);

        Assert.Equal(HostileHtml.Story, item.Summary);
    }

    [Fact]
    public async Task A_page_url_nested_200000_deep_is_skipped_with_the_reason()
    {
        await using var server = await LoopbackServer.StartAsync(app =>
            app.MapGet("/deep", () => Results.Content(HostileHtml.Nested(200_000), "text/html; charset=utf-8")));
        using var fetcher = new PageFetcher(new SourcesOptions { AllowPrivateNetworks = true, PerHostDelayMilliseconds = 0 }, new AddressPolicy(true), null, TimeProvider.System);
        var source = new WebSource(new Uri(server.BaseAddress, "deep"), "page", fetcher);

        var items = new List<SourceItem>();
        await foreach (var i in source.ScanAsync(SourceScanContext.Empty, default)) items.Add(i);

        Assert.Contains("nests more than", Assert.IsType<ArticleSkipped>(Assert.Single(items)).Reason);
    }

    private static long StoppedAt(string reason)
    {
        var at = reason.IndexOf("at character ", StringComparison.Ordinal) + "at character ".Length;
        return int.Parse(new string(reason[at..].TakeWhile(c => char.IsDigit(c) || c == ',').ToArray()).Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture);
    }
}
