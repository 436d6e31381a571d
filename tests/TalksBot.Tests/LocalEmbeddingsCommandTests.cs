using System.Text.Json;
using TalksBot.Testing;

namespace TalksBot.Tests;

/// <summary>The binary as shipped, with its default local model, over the eight sample digests.</summary>
public class LocalEmbeddingsCommandTests : IDisposable
{
    private readonly Cli _cli = new Cli().WithLocalEmbeddings();

    public void Dispose() => _cli.Dispose();

    private static string Samples => Path.Combine(AppContext.BaseDirectory, "samples");

    [Fact]
    public async Task Refresh_embeds_with_its_own_progress_line_and_status_names_the_model()
    {
        var (code, stdout, stderr) = await _cli.RunAsync("index", "refresh", "--source", Samples);
        Assert.True(code == 0, stderr);
        Assert.Matches(@"embedding 0/\d+ passages with local/all-MiniLM-L6-v2", stdout);
        Assert.Matches(@"Embedded \d+ new or changed passages with local/all-MiniLM-L6-v2", stdout);

        var root = JsonDocument.Parse((await _cli.RunAsync("index", "status", "--json")).Out).RootElement;
        Assert.Equal("local/all-MiniLM-L6-v2", root.GetProperty("embedding_model").GetString());
        int passages = root.GetProperty("passages").GetInt32();
        Assert.True(passages > 0);
        Assert.Equal(passages, root.GetProperty("embedded_passages").GetInt32());
        var text = (await _cli.RunAsync("index", "status")).Out;
        Assert.Contains($"Embeddings: {passages:N0} of {passages:N0} passages embedded with local/all-MiniLM-L6-v2", text);

        var again = await _cli.RunAsync("index", "refresh", "--source", Samples);
        Assert.Contains("Embedded 0 new or changed passages", again.Out);
        Assert.DoesNotContain("embedding 0/", again.Out);
    }

    [Fact]
    public async Task Switching_the_model_re_embeds_every_passage()
    {
        Assert.Equal(0, (await _cli.RunAsync("index", "refresh", "--source", Samples)).ExitCode);
        _cli.WithLocalEmbeddings("arctic-xs");
        var (code, stdout, stderr) = await _cli.RunAsync("index", "refresh", "--source", Samples);
        Assert.True(code == 0, stderr);
        var root = JsonDocument.Parse((await _cli.RunAsync("index", "status", "--json")).Out).RootElement;
        Assert.Equal("local/snowflake-arctic-embed-xs", root.GetProperty("embedding_model").GetString());
        Assert.Equal(root.GetProperty("passages").GetInt32(), root.GetProperty("embedded_passages").GetInt32());
        Assert.Contains($"Embedded {root.GetProperty("passages").GetInt32()} new or changed passages with local/snowflake-arctic-embed-xs", stdout);
    }

    [Theory]
    [InlineData("Embeddings__Provider", "bert", "Embeddings:Provider must be local, openai or none.")]
    [InlineData("Embeddings__Model", "gpt-9", "Embeddings:Model must be minilm or arctic-xs.")]
    [InlineData("Embeddings__BatchSize", "0", "Embeddings:BatchSize must be between 1 and 2048.")]
    [InlineData("Embeddings__Provider", "openai", "Embeddings:Provider 'openai' needs Llm:Endpoint and Llm:EmbeddingModel")]
    public async Task A_bad_embeddings_setting_is_one_clear_line(string key, string value, string message)
    {
        _cli.Environment[key] = value;
        var (code, stdout, stderr) = await _cli.RunAsync("index", "status");
        Assert.NotEqual(0, code);
        Assert.Equal("", stdout.Trim());
        var line = Assert.Single(stderr.Trim().Split('\n'));
        Assert.Contains(message, line);
    }
}
