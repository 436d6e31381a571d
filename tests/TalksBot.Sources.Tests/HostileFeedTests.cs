using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TalksBot.Core.Sources;
using TalksBot.Sources.Feeds;
using TalksBot.Sources.Web;
using TalksBot.Testing;
using TalksBot.Testing.Hostile;

namespace TalksBot.Sources.Tests;

/// <summary>Issue 14 item 2: a feed that makes the parser fail is that source's error, with the reason.</summary>
public sealed class HostileFeedTests
{
    [Fact]
    public void An_xml_base_that_is_not_a_uri_is_a_feed_format_error_with_the_line()
    {
        var ex = Assert.Throws<FeedFormatException>(() => FeedParser.Parse(HostileFeeds.BadXmlBase(), new Uri("https://feeds.example/rss")));
        Assert.Contains("xml:base \"http://bad host:99999999/\" at line 2 is not a valid URI", ex.Message);
    }

    [Fact]
    public async Task A_feed_with_a_bad_xml_base_makes_only_its_source_unavailable()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/bad.xml", () => Results.Bytes(HostileFeeds.BadXmlBase(), "application/rss+xml")));
        using var fetcher = new PageFetcher(new SourcesOptions { AllowPrivateNetworks = true, PerHostDelayMilliseconds = 0 }, new AddressPolicy(true), null, TimeProvider.System);
        var source = new WebSource(new Uri(server.BaseAddress, "bad.xml"), null, fetcher);
        var ex = await Assert.ThrowsAsync<SourceUnavailableException>(async () => { await foreach (var _ in source.ScanAsync(SourceScanContext.Empty, default)) { } });
        Assert.Contains("bad.xml: xml:base", ex.Message);
    }
}
