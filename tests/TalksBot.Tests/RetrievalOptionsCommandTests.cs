namespace TalksBot.Tests;

public sealed class RetrievalOptionsCommandTests : IDisposable
{
    private readonly Cli _cli = new();

    [Theory]
    [InlineData("MaxPassages", "-5")]
    [InlineData("MaxPassages", "0")]
    [InlineData("Candidates", "0")]
    [InlineData("MinCoverage", "5")]
    public async Task An_out_of_range_retrieval_setting_stops_the_start_with_one_line_naming_it(string key, string value)
    {
        _cli.Environment[$"Retrieval__{key}"] = value;
        var (code, _, stderr) = await _cli.RunAsync("ask", "What are Zelensky's preconditions?");
        Assert.Equal(2, code);
        Assert.Contains(key, stderr);
        Assert.DoesNotContain("   at ", stderr);
    }

    public void Dispose() => _cli.Dispose();
}
