using TalksBot.Testing;

namespace TalksBot.Tests.Evaluation;

/// <summary>`bench answers` as an operator runs it: a broken question set is reported entry by entry before anything is indexed.</summary>
public sealed class AnswersBenchCommandTests : IDisposable
{
    private readonly Cli _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task A_set_with_mistakes_is_rejected_with_each_entry_and_reason_and_nothing_is_indexed()
    {
        var set = Path.Combine(_cli.Folder, "bad.json");
        await File.WriteAllTextAsync(set, """
            [{"id":"a","kind":"who","question":"Who?","covered":true},
             {"id":"a","kind":"who","question":"Again?","covered":false,"articles":["corpora/none.md"]}]
            """);
        var db = Path.Combine(_cli.Folder, "answers.db");
        var (code, _, err) = await _cli.RunBenchAsync("bench", "answers", "--set", set, "--db", db, "--shared", SharedData.Root);
        Assert.Equal(2, code);
        Assert.Contains("entry 1 (a): an answerable question needs the articles", err);
        Assert.Contains("entry 2 (a): duplicate id", err);
        Assert.Contains("article corpora/none.md not found", err);
        Assert.DoesNotContain("   at ", err); // no stack trace
        Assert.False(File.Exists(db));
    }

    [Fact]
    public async Task The_production_binary_says_where_the_benchmarks_went()
    {
        var (code, _, err) = await _cli.RunAsync("bench", "answers", "--set", "heldout");
        Assert.Equal(2, code);
        Assert.Contains("dotnet run -c Release --project src/TalksBot.Bench -- bench answers --set heldout", err);
        Assert.DoesNotContain("   at ", err);
    }

    [Fact]
    public async Task An_unknown_set_name_says_where_it_looked()
    {
        var (code, _, err) = await _cli.RunBenchAsync("bench", "answers", "--set", "no-such-set", "--shared", SharedData.Root);
        Assert.Equal(2, code);
        Assert.Contains("question set 'no-such-set' not found", err);
    }
}
