using TalksBot.Core.Articles;
using TalksBot.Core.Indexing;
using TalksBot.Core.Refresh;
using TalksBot.Core.Retrieval;
using TalksBot.Sources.Folders;
using TalksBot.Testing;

namespace TalksBot.Index.Sqlite.Tests;

/// <summary>
/// bm25 scored in process over postings the index holds (the bot's way, Index:HoldPostings) against FTS5's own bm25
/// (the one-shot verbs' way), on the same file: the same passages in the same order with the same scores.
/// </summary>
public class HeldPostingsTests : IDisposable
{
    private readonly TempIndex _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Held_postings_rank_the_real_corpus_as_fts5_does()
    {
        var sources = new[] { SharedData.Articles, SharedData.PathTo("corpora", "talks-2025-2026"), SharedData.PathTo("corpora", "war-2022-2024") }
            .Select(f => (Core.Sources.IArticleSource)new FolderSource(f)).ToList();
        var report = await _db.Refresher.RefreshAsync(sources, null, default);
        Assert.True(report.Added >= 200, $"only {report.Added} articles");
        var held = new SqliteArticleIndex(_db.Path, holdPostings: true);

        var questions = EvaluationQuestions.Of("devset").Concat(EvaluationQuestions.Of("heldout")).ToList();
        var differences = new List<string>();
        int compared = 0;
        foreach (var question in questions)
        {
            var terms = TextAnalyzer.Default.AnalyzeQuestion(question).Terms;
            if (terms.Count == 0) continue;
            // Twice the rarest term too: a repeated term counts twice in both.
            IReadOnlyList<string>[] queries = [terms, [.. terms, terms[0]]];
            foreach (var query in queries)
            {
                foreach (bool all in new[] { false, true })
                {
                    var expected = await _db.Index.SearchAsync(query, 30, all, default);
                    var actual = await held.SearchAsync(query, 30, all, default);
                    compared += expected.Count;
                    if (!SameHits(expected, actual)) differences.Add($"{(all ? "all" : "any")} of {string.Join(' ', query)}: {Describe(expected)} vs {Describe(actual)}");
                }
            }
        }
        Assert.True(compared > 1000, $"only {compared} hits compared");
        Assert.True(differences.Count == 0, $"{differences.Count} queries differ:\n" + string.Join("\n", differences.Take(10)));
    }

    [Fact]
    public async Task Postings_are_read_once_per_word_and_again_after_the_index_changes()
    {
        var source = new InMemorySource("mem://a")
            .Put("a", Articles.Make("Geneva", "Envoys met in Geneva to discuss a ceasefire along the front line."))
            .Put("b", Articles.Make("Riyadh", "Delegations met in Riyadh; the ceasefire was not discussed."));
        await _db.Refresher.RefreshAsync([source], null, default);
        var held = new SqliteArticleIndex(_db.Path, holdPostings: true);

        var first = await held.SearchAsync(["ceasefir", "geneva"], 10, requireAll: true, default);
        Assert.Equal("Geneva", Assert.Single(first).Article.Title);
        Assert.Equal(2, held.Postings!.TermsRead);
        var again = await held.SearchAsync(["ceasefir"], 10, requireAll: false, default);
        Assert.Equal(2, again.Count);
        Assert.Equal(2, held.Postings.TermsRead);

        // A refresh moves the generation on: what was held is read again, with the new passage in it.
        source.Put("c", Articles.Make("Istanbul", "A ceasefire in Geneva style was proposed in Istanbul."));
        await _db.Refresher.RefreshAsync([source], null, default);
        var after = await held.SearchAsync(["ceasefir", "geneva"], 10, requireAll: true, default);
        Assert.Equal(["Geneva", "Istanbul"], after.Select(h => h.Article.Title).Order());
        Assert.Equal(4, held.Postings.TermsRead);
        Assert.True(SameHits(await _db.Index.SearchAsync(["ceasefir", "geneva"], 10, true, default), after));
    }

    [Fact]
    public async Task A_word_no_passage_holds_finds_nothing_with_all_and_is_ignored_with_any()
    {
        var source = new InMemorySource("mem://a").Put("a", Articles.Make("Geneva", "Envoys met in Geneva."));
        await _db.Refresher.RefreshAsync([source], null, default);
        var held = new SqliteArticleIndex(_db.Path, holdPostings: true);
        Assert.Empty(await held.SearchAsync(["geneva", "tungsten"], 10, requireAll: true, default));
        Assert.Single(await held.SearchAsync(["geneva", "tungsten"], 10, requireAll: false, default));
        Assert.Empty(await held.SearchAsync(["tungsten"], 10, requireAll: false, default));
    }

    [Theory]
    [InlineData(new byte[] { 0x05 }, 5)]
    [InlineData(new byte[] { 0x81, 0x1b }, 155)]
    [InlineData(new byte[] { 0x81, 0x80, 0x00 }, 16384)]
    public void Passage_lengths_are_read_as_sqlite_varints(byte[] bytes, long expected) =>
        Assert.Equal(expected, SqliteTermPostings.Varint(bytes));

    private static bool SameHits(IReadOnlyList<PassageHit> expected, IReadOnlyList<PassageHit> actual) =>
        expected.Count == actual.Count && expected.Zip(actual).All(p =>
            p.First.PassageId == p.Second.PassageId
            && Math.Abs(p.First.Score - p.Second.Score) <= 1e-9 * Math.Max(1, Math.Abs(p.First.Score)));

    private static string Describe(IReadOnlyList<PassageHit> hits) =>
        string.Join(", ", hits.Take(5).Select(h => $"{h.PassageId}:{h.Score:0.######}")) + (hits.Count > 5 ? $" … ({hits.Count})" : "");
}
