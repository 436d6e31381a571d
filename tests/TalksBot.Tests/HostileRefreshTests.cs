using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TalksBot.Testing;
using TalksBot.Testing.Hostile;

namespace TalksBot.Tests;

/// <summary>Issue 14: hostile sources on the command line — one bad source is its own error; the rest refresh.</summary>
public sealed class HostileRefreshTests : IDisposable
{
    private readonly Cli _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task A_feed_with_a_bad_xml_base_is_its_sources_error_and_the_folder_beside_it_is_indexed()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/bad.xml", () => Results.Bytes(HostileFeeds.BadXmlBase(), "application/rss+xml")));
        var folder = Directory.CreateDirectory(Path.Combine(_cli.Folder, "articles")).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "geneva.md"), HostileFiles.Article("Geneva talks", "Delegations in Geneva agreed on a prisoner exchange"));
        _cli.Environment["Sources__AllowPrivateNetworks"] = "true";

        var (code, stdout, stderr) = await _cli.RunAsync("index", "refresh", "--source", folder, "--source", new Uri(server.BaseAddress, "bad.xml").ToString());
        Assert.True(code == 0, stderr);
        Assert.DoesNotContain("   at ", stderr + stdout);
        Assert.Contains("added 1,", stdout);
        Assert.Contains("errors 1", stdout);

        var (_, status, _) = await _cli.RunAsync("index", "status", "--json");
        Assert.Contains("xml:base", status);
    }

    [Fact]
    public async Task Ask_and_status_on_a_damaged_index_exit_4_with_one_line()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_cli.Folder, "articles")).FullName;
        for (int i = 0; i < 30; i++) await File.WriteAllTextAsync(Path.Combine(folder, $"a{i}.md"), HostileFiles.Article($"Geneva {i}", $"Delegations in Geneva agreed on prisoner exchange number {i}"));
        var (code, _, stderr) = await _cli.RunAsync("index", "refresh", "--source", folder);
        Assert.True(code == 0, stderr);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        HostileFiles.DamagePagesAfterTheHeader(_cli.DatabasePath);

        foreach (var args in new[] { new[] { "ask", "What did the delegations in Geneva agree?" }, ["index", "status"], ["index", "refresh", "--source", folder] })
        {
            var (exit, stdout, err) = await _cli.RunAsync(args);
            Assert.True(exit == 4, $"{string.Join(' ', args)}: exit {exit}\n{stdout}\n{err}");
            var line = Assert.Single(err.Trim().Split('\n'));
            Assert.Contains("damaged", line);
        }
    }
}
