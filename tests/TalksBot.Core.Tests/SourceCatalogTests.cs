using Microsoft.Extensions.Options;
using TalksBot.Core.Articles;
using TalksBot.Core.Indexing;
using TalksBot.Core.Moderation;
using TalksBot.Core.Refresh;
using TalksBot.Core.Sources;
using TalksBot.Testing;

namespace TalksBot.Core.Tests;

/// <summary>Which sources a full refresh reads and which are listed, over the in-memory index.</summary>
public class SourceCatalogTests
{
    private readonly InMemoryArticleIndex _index = new();
    private readonly Dictionary<string, InMemorySource> _sources = new(StringComparer.Ordinal);

    private SourceCatalog Catalog(params string[] configured) =>
        new(_index, new Factory(_sources), Options.Create(new IndexOptions { Sources = [.. configured], SamplesPath = "mem://samples" }));

    private InMemorySource Source(string location, string topic)
    {
        var source = new InMemorySource(location).Put("a", new ArticleDocument(topic, "Wire", new DateOnly(2026, 1, 20), null,
            $"A report from {location} about {topic}, long enough to be indexed as a passage of its own."));
        _sources[location] = source;
        return source;
    }

    [Fact]
    public async Task A_source_given_to_one_refresh_is_listed_but_not_read_by_full_refreshes()
    {
        Source("mem://config", "Geneva");
        var given = Source("mem://given", "Istanbul");
        var refresher = new IndexRefresher(_index, new PassageSplitter(), TimeProvider.System);
        await refresher.RefreshAsync([given], null, default);
        var catalog = Catalog("mem://config");

        Assert.Equal(["mem://config"], (await catalog.GetSourcesAsync(default)).Select(s => s.Location));
        Assert.Equal([("mem://config", SourceOrigins.Config), ("mem://given", SourceOrigins.Given)],
            (await catalog.ListAsync(default)).Select(s => (s.Location, s.Origin)));
    }

    [Fact]
    public async Task With_nothing_configured_a_given_source_leaves_the_demo_corpus_in_place()
    {
        Source("mem://samples", "Samples");
        var given = Source("mem://given", "Istanbul");
        await new IndexRefresher(_index, new PassageSplitter(), TimeProvider.System).RefreshAsync([given], null, default);
        var catalog = Catalog();

        Assert.Equal(["mem://samples"], (await catalog.GetSourcesAsync(default)).Select(s => s.Location));
        Assert.Contains((await catalog.ListAsync(default)), s => s.Location == "mem://given" && s.Origin == SourceOrigins.Given);

        // An added source, unlike a given one, replaces the demo.
        await catalog.AddAsync("mem://added", null, default);
        Assert.Equal(["mem://added"], (await catalog.GetSourcesAsync(default)).Select(s => s.Location));
    }

    private sealed class Factory(Dictionary<string, InMemorySource> sources) : IArticleSourceFactory
    {
        public IArticleSource Create(string location, string? kind = null) =>
            sources.TryGetValue(location, out var source) ? source : new InMemorySource(location);
    }
}
