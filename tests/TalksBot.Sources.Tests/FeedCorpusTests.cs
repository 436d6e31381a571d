using TalksBot.Sources.Feeds;
using TalksBot.Testing;
using Xunit.Abstractions;

namespace TalksBot.Sources.Tests;

public class FeedCorpusTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_feed_in_the_corpus_parses_or_is_rejected_with_a_clear_reason()
    {
        var folder = SharedData.PathTo("corpora", "feeds");
        var rows = File.ReadAllLines(Path.Combine(folder, "index.tsv")).Skip(1).Select(l => l.Split('\t')).ToDictionary(c => c[0]);
        int parsed = 0, rejected = 0;
        foreach (var (file, row) in rows)
        {
            bool wellFormed = row[4] == "yes";
            try
            {
                var feed = FeedParser.Parse(File.ReadAllBytes(Path.Combine(folder, file)), new Uri("https://feeds.example/"));
                parsed++;
                output.WriteLine($"ok   {file}: {feed.Format}, {feed.Items.Count} items");
                if (int.TryParse(row[3], out var expected)) Assert.True(expected == feed.Items.Count, $"{file}: {feed.Items.Count} items, index says {expected}");
                foreach (var item in feed.Items.Where(i => i.Link is not null)) Assert.True(Uri.TryCreate(item.Link, UriKind.Absolute, out var u) && u.Scheme is "http" or "https", $"{file}: link {item.Link}");
            }
            catch (FeedFormatException ex)
            {
                rejected++;
                output.WriteLine($"no   {file}: {ex.Message}");
                Assert.False(wellFormed, $"{file} is well-formed but was rejected: {ex.Message}");
                Assert.True(ex.Message.Length > 10);
            }
        }
        output.WriteLine($"{parsed} parsed, {rejected} rejected of {rows.Count}");
        Assert.Equal(80, rows.Count);
    }

    [Theory]
    [InlineData("feedrs__rss_2.0_dbengines.xml")] // &nbsp; is not an XML entity
    [InlineData("feedrs__atom_example_4.xml")] // whitespace before the XML declaration
    public void Common_defects_a_reader_would_forgive_are_forgiven(string file)
    {
        var feed = FeedParser.Parse(File.ReadAllBytes(SharedData.PathTo("corpora", "feeds", file)));
        Assert.NotEmpty(feed.Items);
    }

    [Theory]
    [InlineData("gofeed__empty_feed.xml", "empty")]
    [InlineData("rssparser__unrecognized.rss", "")]
    [InlineData("feedrs__rss_2.0_invalid_1.xml", "line")]
    public void Broken_documents_are_rejected_saying_why(string file, string expected)
    {
        var ex = Assert.Throws<FeedFormatException>(() => FeedParser.Parse(File.ReadAllBytes(SharedData.PathTo("corpora", "feeds", file))));
        Assert.Contains(expected, ex.Message);
    }

    [Theory]
    [InlineData("Sat, 07 Sep 2002 00:00:01 GMT", "2002-09-07")]
    [InlineData("Mon, 2 Feb 2026 23:30:00 -0500", "2026-02-03")]
    [InlineData("03 Apr 02 1500 GMT", "2002-04-03")]
    [InlineData("2026-02-05T10:00:00Z", "2026-02-05")]
    [InlineData("Tue, 10 Jun 2003 04:00:00 EDT", "2003-06-10")]
    public void Feed_dates_in_their_many_forms(string text, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), FeedDates.Parse(text));
}
