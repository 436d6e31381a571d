using Microsoft.Data.Sqlite;
using TalksBot.Core.Answering;
using TalksBot.Core.Articles;
using TalksBot.Core.Indexing;
using TalksBot.Core.Refresh;
using TalksBot.Core.Retrieval;
using TalksBot.Index.Sqlite;
using TalksBot.Sources.Folders;
using TalksBot.Testing;
using Xunit.Abstractions;

namespace TalksBot.Index.Postgres.Tests;

/// <summary>
/// The same articles in SQLite and PostgreSQL, searched and answered alike: bm25 hits in the same order with the same
/// scores, the same statistics and vocabulary, and the same extractive answer (text and citations) to every dev-set and
/// held-out question, over the shared real corpus (keyword retrieval; vectors are scored by the same in-process code).
/// </summary>
[Collection(PostgresCollection.Name)]
public class SqliteParityTests(PostgresServer server, ITestOutputHelper output) : IAsyncLifetime
{
    private readonly TempFolder _folder = new("talksbot-parity-", SqliteConnection.ClearAllPools);
    private TempPostgresIndex _postgres = null!;
    private SqliteArticleIndex _sqlite = null!;

    public async Task InitializeAsync()
    {
        _postgres = await TempPostgresIndex.CreateAsync(server);
        _sqlite = new SqliteArticleIndex(Path.Combine(_folder.Path, "talksbot.db"));
    }

    public async Task DisposeAsync()
    {
        await _postgres.DisposeAsync();
        _folder.Dispose();
    }

    private async Task RefreshBothAsync(IReadOnlyList<Core.Sources.IArticleSource> sources)
    {
        foreach (var index in new IArticleIndex[] { _sqlite, _postgres.Index })
        {
            var report = await new IndexRefresher(index, new PassageSplitter(), TimeProvider.System).RefreshAsync(sources, null, default);
            Assert.True(report.Errors.Count == 0, string.Join("; ", report.Errors.Select(e => e.Reason)));
        }
    }

    [Fact]
    public async Task The_real_corpus_gets_the_same_hits_statistics_and_answers_from_both_stores()
    {
        var sources = new[] { SharedData.Articles, SharedData.PathTo("corpora", "talks-2025-2026"), SharedData.PathTo("corpora", "war-2022-2024") }
            .Select(f => (Core.Sources.IArticleSource)new FolderSource(f)).ToList();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await RefreshBothAsync(sources);
        output.WriteLine($"refreshed both in {clock.Elapsed.TotalSeconds:0.0} s");
        var sqliteStatus = await _sqlite.GetStatusAsync(default);
        var postgresStatus = await _postgres.Index.GetStatusAsync(default);
        Assert.True(sqliteStatus.Articles >= 200, $"only {sqliteStatus.Articles} articles");
        Assert.Equal((sqliteStatus.Articles, sqliteStatus.Passages), (postgresStatus.Articles, postgresStatus.Passages));
        Assert.Equal(
            (await _sqlite.GetVocabularyAsync(default)).OrderBy(kv => kv.Key, StringComparer.Ordinal),
            (await _postgres.Index.GetVocabularyAsync(default)).OrderBy(kv => kv.Key, StringComparer.Ordinal));

        var questions = EvaluationQuestions.Of("heldout").Concat(EvaluationQuestions.Of("devset")).ToList();
        var differences = new List<string>();
        var timing = new Dictionary<string, TimeSpan> { ["sqlite search"] = default, ["postgres search"] = default, ["sqlite answer"] = default, ["postgres answer"] = default };
        foreach (var question in questions)
        {
            var terms = TextAnalyzer.Default.AnalyzeQuestion(question).Terms;
            if (terms.Count == 0) continue;
            foreach (bool all in new[] { false, true })
            {
                clock.Restart();
                var expected = await _sqlite.SearchAsync(terms, 30, all, default);
                timing["sqlite search"] += clock.Elapsed;
                clock.Restart();
                var actual = await _postgres.Index.SearchAsync(terms, 30, all, default);
                timing["postgres search"] += clock.Elapsed;
                if (!SameHits(expected, actual)) differences.Add($"hits ({(all ? "all" : "any")} of {string.Join(' ', terms)}): {Describe(expected)} vs {Describe(actual)}");
            }
            var expectedStats = await _sqlite.GetTermStatisticsAsync(terms, default);
            var actualStats = await _postgres.Index.GetTermStatisticsAsync(terms, default);
            if (expectedStats.TotalPassages != actualStats.TotalPassages
                || !expectedStats.DocumentFrequency.OrderBy(kv => kv.Key).SequenceEqual(actualStats.DocumentFrequency.OrderBy(kv => kv.Key)))
            {
                differences.Add($"statistics of {string.Join(' ', terms)}");
            }

            clock.Restart();
            var fromSqlite = await AnswerAsync(_sqlite, question);
            timing["sqlite answer"] += clock.Elapsed;
            clock.Restart();
            var fromPostgres = await AnswerAsync(_postgres.Index, question);
            timing["postgres answer"] += clock.Elapsed;
            if (fromSqlite.Text != fromPostgres.Text
                || !fromSqlite.Citations.Select(c => (c.Document, c.Quote)).SequenceEqual(fromPostgres.Citations.Select(c => (c.Document, c.Quote))))
            {
                differences.Add($"answer to '{question}':\n  sqlite:   {fromSqlite.Text}\n  postgres: {fromPostgres.Text}");
            }
        }
        output.WriteLine($"{questions.Count} questions, {differences.Count} differences; " + string.Join(", ", timing.Select(t => $"{t.Key} {t.Value.TotalSeconds:0.0} s")));
        foreach (var d in differences) output.WriteLine(d);
        Assert.True(questions.Count > 100, $"only {questions.Count} questions read");
        Assert.Empty(differences);
    }

    [Fact]
    public async Task Scores_match_for_repeated_terms_long_and_short_passages_and_terms_nowhere()
    {
        var source = new InMemorySource("mem://a")
            .Put("a", Articles.Make("Geneva", "Geneva. " + Articles.Body("the Geneva round in Geneva", 3)))
            .Put("b", Articles.Make("Istanbul", Articles.Body("Istanbul and Geneva", 30)))
            .Put("c", Articles.Make("Short", "Lavrov in Geneva."))
            .Put("d", Articles.Make("Other", Articles.Body("an energy truce", 8)));
        await RefreshBothAsync([source]);
        foreach (var terms in new[] { new[] { "geneva" }, ["geneva", "istanbul"], ["lavrov", "geneva", "mongolia"], ["geneva", "geneva"], ["report", "truce"] })
        {
            foreach (bool all in new[] { false, true })
            {
                var expected = await _sqlite.SearchAsync(terms, 10, all, default);
                var actual = await _postgres.Index.SearchAsync(terms, 10, all, default);
                Assert.True(SameHits(expected, actual), $"{string.Join(' ', terms)} ({(all ? "all" : "any")}): {Describe(expected)} vs {Describe(actual)}");
            }
        }
    }

    private static async Task<Answer> AnswerAsync(IPassageSearch index, string question)
    {
        var result = await new PassageRetriever(index, TextAnalyzer.Default, new RetrievalOptions()).RetrieveAsync(question, default);
        return new ExtractiveAnswerWriter(TextAnalyzer.Default).Write(result);
    }

    private static bool SameHits(IReadOnlyList<PassageHit> expected, IReadOnlyList<PassageHit> actual) =>
        expected.Count == actual.Count && expected.Zip(actual).All(p =>
            p.First.Article.Origin == p.Second.Article.Origin && p.First.Position == p.Second.Position
            && Math.Abs(p.First.Score - p.Second.Score) <= 1e-9 * Math.Max(1, Math.Abs(p.First.Score)));

    private static string Describe(IReadOnlyList<PassageHit> hits) =>
        string.Join(", ", hits.Take(5).Select(h => $"{Path.GetFileName(h.Article.Origin)}#{h.Position}:{h.Score:0.######}")) + (hits.Count > 5 ? $" … ({hits.Count})" : "");
}
