using System.Text.Json;
using TalksBot.Testing.Hostile;

namespace TalksBot.Tests;

/// <summary>
/// Articles go only when their own source is rescanned and they are gone, or when the source is removed (or dropped
/// from configuration): a refresh never deletes what it didn't rescan (issue 15 item 5).
/// </summary>
public sealed class RefreshScopeCommandTests : IDisposable
{
    private readonly Cli _cli = new();

    public void Dispose() => _cli.Dispose();

    private string Folder(string name, string title, string topic)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_cli.Folder, name)).FullName;
        File.WriteAllText(Path.Combine(folder, "article.md"), HostileFiles.Article(title, topic));
        return folder;
    }

    private async Task<Dictionary<string, (string Origin, int Articles)>> SourcesAsync()
    {
        var (code, json, stderr) = await _cli.RunAsync("index", "status", "--json");
        Assert.True(code == 0, stderr);
        return JsonDocument.Parse(json).RootElement.GetProperty("sources").EnumerateArray()
            .ToDictionary(s => s.GetProperty("location").GetString()!, s => (s.GetProperty("origin").GetString()!, s.GetProperty("articles").GetInt32()));
    }

    [Fact]
    public async Task A_source_given_to_one_refresh_keeps_its_articles_through_plain_refreshes_until_removed()
    {
        var configured = Folder("configured", "Geneva talks", "Delegations in Geneva agreed on a prisoner exchange");
        var given = Folder("given", "Istanbul talks", "Negotiators in Istanbul discussed grain shipments");
        _cli.WithSources(configured);

        var once = await _cli.RunAsync("index", "refresh", "--source", given);
        Assert.True(once.ExitCode == 0, once.Err);
        var plain = await _cli.RunAsync("index", "refresh");
        Assert.True(plain.ExitCode == 0, plain.Err);
        Assert.Contains("added 1, updated 0, removed 0", plain.Out);
        var again = await _cli.RunAsync("index", "refresh");
        Assert.Contains("added 0, updated 0, removed 0, unchanged 1", again.Out);

        var sources = await SourcesAsync();
        Assert.Equal(("config", 1), sources[configured]);
        Assert.Equal(("given", 1), sources[given]);
        var list = await _cli.RunAsync("source", "list");
        Assert.Contains(given, list.Out);
        Assert.Contains("given to one refresh", list.Out);

        var removed = await _cli.RunAsync("source", "remove", given);
        Assert.True(removed.ExitCode == 0, removed.Err);
        sources = await SourcesAsync();
        Assert.False(sources.ContainsKey(given));
        Assert.Equal(("config", 1), sources[configured]);
    }

    [Fact]
    public async Task A_source_dropped_from_configuration_loses_its_articles_at_the_next_full_refresh()
    {
        var first = Folder("first", "Geneva talks", "Delegations in Geneva agreed on a prisoner exchange");
        var second = Folder("second", "Istanbul talks", "Negotiators in Istanbul discussed grain shipments");
        _cli.WithSources(first, second);
        Assert.Equal(0, (await _cli.RunAsync("index", "refresh")).ExitCode);

        _cli.WithSources(first);
        var (code, stdout, stderr) = await _cli.RunAsync("index", "refresh");

        Assert.True(code == 0, stderr);
        Assert.Contains("removed 1, unchanged 1", stdout);
        var sources = await SourcesAsync();
        Assert.Equal(["first"], sources.Keys.Select(Path.GetFileName));
    }
}
