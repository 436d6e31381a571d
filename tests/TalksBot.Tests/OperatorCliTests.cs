using System.Text.Json;
using TalksBot.Testing;

namespace TalksBot.Tests;

/// <summary>The command line as an operator scripts it: exit codes, configuration layers, missing folders, the demo corpus.</summary>
public sealed class OperatorCliTests : IDisposable
{
    private readonly Cli _cli = new();

    public void Dispose() => _cli.Dispose();

    [Theory]
    [InlineData("bogus")]
    [InlineData("ask")]
    [InlineData("index", "refresh", "--sorce", "x")]
    public async Task Bad_usage_exits_2_with_the_error_and_where_to_look_not_the_whole_help(params string[] args)
    {
        var (code, stdout, stderr) = await _cli.RunAsync(args);
        Assert.Equal(2, code);
        Assert.StartsWith("error: ", stderr);
        Assert.Contains("--help", stderr);
        Assert.DoesNotContain("Options:", stderr + stdout);
    }

    [Fact]
    public async Task A_value_that_does_not_convert_names_the_key_and_the_format()
    {
        _cli.Environment["Index__RefreshInterval"] = "30m";
        var (code, _, stderr) = await _cli.RunAsync("index", "status");
        Assert.Equal(2, code);
        Assert.Contains("Index:RefreshInterval: '30m' is not a time span; use hh:mm:ss, e.g. 00:30:00", stderr);
    }

    [Fact]
    public async Task Command_line_configuration_and_the_environment_file_in_the_current_folder_are_read()
    {
        var fromArgs = Path.Combine(_cli.Folder, "from-args.db");
        var status = await _cli.RunAsync("index", "status", "--json", $"--Index:DatabasePath={fromArgs}");
        Assert.True(status.ExitCode == 0, status.Err);
        Assert.Equal(fromArgs, JsonDocument.Parse(status.Out).RootElement.GetProperty("database").GetString());

        // appsettings.Development.json in the current folder, below environment variables: unset ours so the file speaks.
        var fromFile = Path.Combine(_cli.Folder, "from-file.db");
        File.WriteAllText(Path.Combine(_cli.Folder, "appsettings.Development.json"), JsonSerializer.Serialize(new { Index = new { DatabasePath = fromFile } }));
        _cli.Environment.Remove("Index__DatabasePath");
        _cli.Environment["DOTNET_ENVIRONMENT"] = "Development";
        status = await _cli.RunAsync("index", "status", "--json");
        Assert.True(status.ExitCode == 0, status.Err);
        Assert.Equal(fromFile, JsonDocument.Parse(status.Out).RootElement.GetProperty("database").GetString());
    }

    [Fact]
    public async Task A_missing_folder_is_its_own_error_and_the_other_sources_still_refresh()
    {
        var missing = Path.Combine(_cli.Folder, "no-such-folder");
        _cli.WithSources(missing, SharedData.Articles);
        var (code, stdout, stderr) = await _cli.RunAsync("index", "refresh");
        Assert.Equal(3, code);
        Assert.Contains($"source folder not found: {missing}", stderr);
        var status = JsonDocument.Parse((await _cli.RunAsync("index", "status", "--json")).Out).RootElement;
        Assert.True(status.GetProperty("articles").GetInt32() > 0, stdout);
    }

    [Fact]
    public async Task Adding_a_folder_that_does_not_exist_is_refused_and_nothing_is_added()
    {
        var missing = Path.Combine(_cli.Folder, "does", "not", "exist");
        var (code, stdout, stderr) = await _cli.RunAsync("source", "add", missing);
        Assert.Equal(3, code);
        Assert.Contains("not found", stderr);
        Assert.DoesNotContain("Added", stdout);
        Assert.DoesNotContain(missing, (await _cli.RunAsync("source", "list")).Out);
    }

    [Fact]
    public async Task The_sample_digests_are_a_demo_only_until_an_operator_adds_a_source()
    {
        _cli.WithSources();
        var refresh = await _cli.RunAsync("index", "refresh");
        Assert.True(refresh.ExitCode == 0, refresh.Err);
        var status = JsonDocument.Parse((await _cli.RunAsync("index", "status", "--json")).Out).RootElement;
        var samples = Assert.Single(status.GetProperty("sources").EnumerateArray());
        Assert.Equal("samples", samples.GetProperty("origin").GetString());
        Assert.True(samples.GetProperty("articles").GetInt32() > 0);
        Assert.Contains("sample digests", (await _cli.RunAsync("index", "status")).Out);

        var added = await _cli.RunAsync("source", "add", SharedData.Articles);
        Assert.True(added.ExitCode == 0, added.Err);
        refresh = await _cli.RunAsync("index", "refresh");
        Assert.True(refresh.ExitCode == 0, refresh.Err);
        status = JsonDocument.Parse((await _cli.RunAsync("index", "status", "--json")).Out).RootElement;
        var only = Assert.Single(status.GetProperty("sources").EnumerateArray());
        Assert.Equal(SharedData.Articles, only.GetProperty("location").GetString());
        Assert.Equal(only.GetProperty("articles").GetInt32(), status.GetProperty("articles").GetInt32());
    }
}
