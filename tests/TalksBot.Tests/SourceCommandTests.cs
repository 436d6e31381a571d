using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TalksBot.Testing;

namespace TalksBot.Tests;

/// <summary>Feeds and pages as sources from the command line, against a site on loopback.</summary>
public sealed class SourceCommandTests : IAsyncLifetime
{
    private readonly Cli _cli = new();
    private LoopbackServer _site = null!;
    private bool _feedBroken;

    private const string Page = """
        <html><head><title>Abu Dhabi round ends | Wire</title><meta property="og:site_name" content="Wire">
        <meta property="article:published_time" content="2026-02-05T12:00:00Z"><meta name="author" content="A. Reporter"></head>
        <body><article><h1>Abu Dhabi round ends</h1>
        <p>Ukraine and Russia ended their second round of talks in Abu Dhabi with an agreement to swap prisoners of war, the mediators said.</p>
        <p>The delegations will meet again, but there was no agreement on territory or on a ceasefire, according to officials from both sides.</p>
        </article></body></html>
        """;

    public async Task InitializeAsync()
    {
        _site = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/feed.xml", () => _feedBroken
                ? Results.Text("<rss><channel><item>", "application/rss+xml")
                : Results.Text($"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title><item><title>Abu Dhabi round ends</title><link>{_site.BaseAddress}abu-dhabi</link></item></channel></rss>", "application/rss+xml"));
            app.MapGet("/abu-dhabi", () => Results.Content(Page, "text/html"));
        });
        _cli.WithSources();
        _cli.Environment["Sources__AllowPrivateNetworks"] = "true";
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        _cli.Dispose();
    }

    [Fact]
    public async Task A_feed_added_from_the_command_line_is_read_by_refresh_and_answered_from()
    {
        var feed = new Uri(_site.BaseAddress, "feed.xml").ToString();
        var (code, stdout, stderr) = await _cli.RunAsync("source", "add", feed);
        Assert.True(code == 0, stderr);
        Assert.Contains("Added", stdout);
        Assert.Contains(feed, (await _cli.RunAsync("source", "list")).Out);

        var refresh = await _cli.RunAsync("index", "refresh");
        Assert.True(refresh.ExitCode == 0, refresh.Err);
        Assert.Contains("added 1", refresh.Out);

        var ask = JsonDocument.Parse((await _cli.RunAsync("ask", "Was there a prisoner swap in Abu Dhabi?", "--json")).Out).RootElement;
        Assert.True(ask.GetProperty("grounded").GetBoolean());
        Assert.EndsWith("/abu-dhabi", ask.GetProperty("citations")[0].GetProperty("url").GetString());

        // A broken feed keeps its articles and shows its error in status.
        _feedBroken = true;
        var again = await _cli.RunAsync("index", "refresh");
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("errors 1", again.Out);
        var status = JsonDocument.Parse((await _cli.RunAsync("index", "status", "--json")).Out).RootElement;
        Assert.Equal(1, status.GetProperty("articles").GetInt32());
        var source = status.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("location").GetString() == feed);
        Assert.Contains("not well-formed XML", source.GetProperty("last_error").GetProperty("reason").GetString());

        Assert.Equal(0, (await _cli.RunAsync("source", "remove", feed)).ExitCode);
        Assert.Equal(0, JsonDocument.Parse((await _cli.RunAsync("index", "status", "--json")).Out).RootElement.GetProperty("articles").GetInt32());
    }

    [Fact]
    public async Task Extract_json_shows_what_would_be_indexed_from_a_page()
    {
        var (code, stdout, stderr) = await _cli.RunAsync("extract", new Uri(_site.BaseAddress, "abu-dhabi").ToString(), "--json");
        Assert.True(code == 0, stderr);
        var root = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal("Abu Dhabi round ends", root.GetProperty("title").GetString());
        Assert.Equal("Wire", root.GetProperty("source").GetString());
        Assert.Equal("2026-02-05", root.GetProperty("published").GetString());
        Assert.Equal("A. Reporter", root.GetProperty("byline").GetString());
        Assert.StartsWith("Ukraine and Russia ended", root.GetProperty("body").GetString());
    }

    [Fact]
    public async Task A_private_address_is_refused_with_the_reason_when_not_allowed()
    {
        _cli.Environment["Sources__AllowPrivateNetworks"] = "false";
        var (code, _, stderr) = await _cli.RunAsync("source", "add", "http://10.1.2.3/feed.xml");
        Assert.NotEqual(0, code);
        Assert.Contains("private address", stderr);
        var extract = await _cli.RunAsync("extract", new Uri(_site.BaseAddress, "abu-dhabi").ToString());
        Assert.NotEqual(0, extract.ExitCode);
        Assert.Contains("loopback", extract.Err);
    }
}
