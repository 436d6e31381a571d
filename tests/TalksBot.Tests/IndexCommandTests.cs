using System.Diagnostics;
using System.Text.Json;
using TalksBot.Testing;

namespace TalksBot.Tests;

public class IndexCommandTests : IDisposable
{
    private readonly Cli _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Refresh_prints_a_summary_and_status_json_has_numeric_counts()
    {
        var (code, stdout, stderr) = await _cli.RunAsync("index", "refresh", "--source", SharedData.PathTo("corpora", "talks-2025-2026"));
        Assert.True(code == 0, stderr);
        Assert.Matches(@"added \d+, updated 0, removed 0, unchanged 0, skipped \d+, errors 0", stdout);

        var (code2, json, _) = await _cli.RunAsync("index", "status", "--json");
        Assert.Equal(0, code2);
        var root = JsonDocument.Parse(json).RootElement;
        Assert.Equal(JsonValueKind.Number, root.GetProperty("articles").ValueKind);
        Assert.True(root.GetProperty("articles").GetInt32() >= 30);
        Assert.True(root.GetProperty("passages").GetInt32() > root.GetProperty("articles").GetInt32());
        Assert.Equal(_cli.DatabasePath, root.GetProperty("database").GetString());

        var (_, again, _) = await _cli.RunAsync("index", "refresh", "--source", SharedData.PathTo("corpora", "talks-2025-2026"));
        Assert.Matches(@"added 0, updated 0, removed 0, unchanged \d+", again);
    }

    [Fact]
    public async Task A_missing_source_path_fails_with_one_clear_line()
    {
        var (code, stdout, stderr) = await _cli.RunAsync("index", "refresh", "--source", Path.Combine(_cli.Folder, "nowhere"));
        Assert.NotEqual(0, code);
        Assert.Equal("", stdout.Trim());
        var line = Assert.Single(stderr.Trim().Split('\n'));
        Assert.Contains("not found", line);
        Assert.Contains("nowhere", line);
    }

    [Fact]
    public async Task An_unreadable_database_fails_with_one_clear_line()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_cli.DatabasePath)!);
        await File.WriteAllTextAsync(_cli.DatabasePath, new string('z', 8192));
        var (code, _, stderr) = await _cli.RunAsync("index", "status");
        Assert.Equal(4, code);
        var line = Assert.Single(stderr.Trim().Split('\n'));
        Assert.Contains("not an SQLite database", line);
    }

    [Fact]
    public async Task Bad_usage_exits_non_zero()
    {
        var (code, _, stderr) = await _cli.RunAsync("ask");
        Assert.NotEqual(0, code);
        Assert.NotEqual("", stderr.Trim());
    }

    [Fact]
    public async Task A_malformed_configuration_file_is_reported_in_one_line()
    {
        var config = Path.Combine(_cli.Folder, "broken.json");
        await File.WriteAllTextAsync(config, "{ \"Index\": { \"Sources\": [ ");
        _cli.Environment["TALKSBOT_CONFIG"] = config;
        var (code, _, stderr) = await _cli.RunAsync("index", "status");
        Assert.Equal(2, code);
        Assert.Contains("broken.json", Assert.Single(stderr.Trim().Split('\n')));
    }

    [Fact]
    public async Task Run_with_no_platform_configured_names_the_keys_to_set()
    {
        var (code, _, stderr) = await _cli.RunAsync("run");
        Assert.Equal(2, code);
        Assert.Contains("Telegram:BotToken", stderr);
        Assert.Contains("Discord:BotToken", stderr);
    }

    [Fact]
    public async Task A_refresh_killed_midway_leaves_the_previous_index_serving()
    {
        // A small first index, then a large refresh that is killed while it writes.
        var small = Directory.CreateDirectory(Path.Combine(_cli.Folder, "small")).FullName;
        File.Copy(Directory.GetFiles(SharedData.Articles, "*.txt")[0], Path.Combine(small, "a.txt"));
        var big = Directory.CreateDirectory(Path.Combine(_cli.Folder, "big")).FullName;
        var template = await File.ReadAllTextAsync(Directory.GetFiles(SharedData.PathTo("corpora", "talks-2025-2026"), "*.md")[0]);
        for (int i = 0; i < 4000; i++) await File.WriteAllTextAsync(Path.Combine(big, $"{i:D5}.md"), template.Replace("title: \"", $"title: \"{i} ").Replace("url: \"https://", $"url: \"https://copy{i}.") + $"\n\nUnique line {i} for the copy.");
        Assert.Equal(0, (await _cli.RunAsync("index", "refresh", "--source", small)).ExitCode);
        var before = JsonDocument.Parse((await _cli.RunAsync("index", "status", "--json")).Out).RootElement;

        using (var process = _cli.Start("index", "refresh", "--source", big))
        {
            process.StandardInput.Close();
            // Plain progress lines arrive every 1,000 documents: kill after the first, while the transaction is open.
            var line = await ReadLineContainingAsync(process, "documents");
            Assert.NotNull(line);
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        var (code, json, stderr) = await _cli.RunAsync("index", "status", "--json");
        Assert.True(code == 0, stderr);
        var after = JsonDocument.Parse(json).RootElement;
        Assert.Equal(before.GetProperty("articles").GetInt32(), after.GetProperty("articles").GetInt32());
        Assert.Equal(before.GetProperty("passages").GetInt32(), after.GetProperty("passages").GetInt32());
        Assert.Equal(before.GetProperty("last_refresh").GetString(), after.GetProperty("last_refresh").GetString());
        // And the lock died with the process: a new refresh runs.
        Assert.Equal(0, (await _cli.RunAsync("index", "refresh", "--source", small)).ExitCode);
    }

    private static async Task<string?> ReadLineContainingAsync(Process process, string text)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (!timeout.IsCancellationRequested)
        {
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
            if (line is null) return null;
            if (line.Contains(text)) return line;
        }
        return null;
    }
}
