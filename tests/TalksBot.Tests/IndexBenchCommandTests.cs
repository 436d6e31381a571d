namespace TalksBot.Tests;

/// <summary>
/// `bench index --store both` as the lead runs it for the README's figures, on a few articles: SQLite, then a throwaway
/// PostgreSQL cluster the bench starts and deletes itself, measured on the same articles and printed side by side.
/// Only the wiring is checked here; timings on a shared machine mean nothing.
/// </summary>
public sealed class IndexBenchCommandTests : IDisposable
{
    private readonly Cli _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Both_stores_index_the_same_articles_and_answer_the_same_questions_side_by_side()
    {
        var dir = Path.Combine(_cli.Folder, "bench");
        var (code, output, err) = await _cli.RunBenchAsync("bench", "index", "--articles", "40", "--questions", "10", "--process-runs", "0", "--store", "both", "--dir", dir);

        Assert.True(code == 0, err);
        Assert.DoesNotContain("   at ", err);
        // Each store refreshed all 40 articles from scratch and found them unchanged the second time.
        Assert.Equal(2, CountOf(output, "Refresh from scratch: 40 added"));
        Assert.Equal(2, CountOf(output, "Unchanged re-refresh: 40 unchanged"));
        Assert.Contains("Starting a throwaway PostgreSQL cluster", output);
        Assert.Contains("Store: PostgreSQL at postgresql://127.0.0.1:", output);
        Assert.Contains("| 40 articles | SQLite | PostgreSQL |", output);
        // The same questions are grounded from both stores (bm25 ranks alike in both).
        var answers = output.Split('\n').Single(l => l.StartsWith("| retrieval + extractive answer", StringComparison.Ordinal)).Split('|');
        Assert.Equal(Grounded(answers[2]), Grounded(answers[3]));
    }

    private static int CountOf(string text, string part) => text.Split('\n').Count(l => l.Contains(part, StringComparison.Ordinal));

    /// <summary>"p50 … ms, p95 … ms, max … ms (7 grounded)" → "7 grounded".</summary>
    private static string Grounded(string cell) => cell[(cell.LastIndexOf('(') + 1)..cell.LastIndexOf(')')];
}
