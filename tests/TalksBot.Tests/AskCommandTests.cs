using System.Text.Json;
using System.Text.RegularExpressions;
using TalksBot.Testing;

namespace TalksBot.Tests;

public class AskCommandTests : IDisposable
{
    private readonly Cli _cli = new();

    public AskCommandTests() => _cli.WithSources(SharedData.Articles, SharedData.PathTo("corpora", "talks-2025-2026"));

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Ask_json_builds_the_index_and_answers_with_a_citation_for_every_marker()
    {
        var (code, stdout, stderr) = await _cli.RunAsync("ask", "What are Zelensky's preconditions?", "--json");
        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout); // exactly one object, nothing else on stdout
        var root = json.RootElement;
        Assert.Equal("What are Zelensky's preconditions?", root.GetProperty("question").GetString());
        Assert.Equal("extractive", root.GetProperty("mode").GetString());
        Assert.True(root.GetProperty("grounded").GetBoolean());
        var answer = root.GetProperty("answer").GetString()!;
        var citations = root.GetProperty("citations").EnumerateArray().ToList();
        Assert.NotEmpty(citations);
        var markers = Regex.Matches(answer, @"\[(\d+)\]").Select(m => int.Parse(m.Groups[1].Value)).Distinct().ToList();
        Assert.Equal(citations.Select(c => c.GetProperty("n").GetInt32()).OrderBy(n => n), markers.OrderBy(n => n));
        foreach (var c in citations)
        {
            Assert.False(string.IsNullOrWhiteSpace(c.GetProperty("title").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(c.GetProperty("quote").GetString()));
            Assert.True(File.Exists(c.GetProperty("document").GetString()) || c.GetProperty("document").GetString()!.StartsWith("http"));
            var published = c.GetProperty("published");
            Assert.True(published.ValueKind == JsonValueKind.Null || Regex.IsMatch(published.GetString()!, @"^\d{4}-\d{2}-\d{2}$"));
        }
        // Each quoted sentence sits in the passage its marker points to.
        foreach (Match m in Regex.Matches(answer, @"(?<sentence>[^\]]+?)\s\[(?<n>\d+)\]"))
        {
            var n = int.Parse(m.Groups["n"].Value);
            var quote = citations.Single(c => c.GetProperty("n").GetInt32() == n).GetProperty("quote").GetString()!;
            Assert.Contains(m.Groups["sentence"].Value.Trim(), quote);
        }
        Assert.Contains(citations, c => c.GetProperty("quote").GetString()!.Contains("withdraw", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task An_off_topic_question_gets_the_honest_refusal_without_citations()
    {
        var (code, stdout, stderr) = await _cli.RunAsync("ask", "What is the boiling point of tungsten in Mongolia?", "--json");
        Assert.True(code == 0, stderr);
        var root = JsonDocument.Parse(stdout).RootElement;
        Assert.False(root.GetProperty("grounded").GetBoolean());
        Assert.Empty(root.GetProperty("citations").EnumerateArray());
        Assert.Contains("don't cover", root.GetProperty("answer").GetString());
    }

    [Fact]
    public async Task Ask_as_text_prints_the_answer_then_numbered_sources()
    {
        var (code, stdout, stderr) = await _cli.RunAsync("ask", "What did Lavrov say about talks?");
        Assert.True(code == 0, stderr);
        Assert.Contains("Sources:", stdout);
        Assert.Matches(@"\[1\] .+ — .+, (\d{4}-\d{2}-\d{2}|undated)\. \S+", stdout);
        // The articles' words are shown as quotes: each line of the answer in quotation marks with its markers.
        var answerLines = stdout[..stdout.IndexOf("Sources:", StringComparison.Ordinal)].Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(answerLines);
        Assert.All(answerLines, line => Assert.Matches(@"^“.+” (\[\d+\])+$", line.Trim()));
    }
}
