using Microsoft.Data.Sqlite;
using TalksBot.Core.Indexing;

namespace TalksBot.Index.Sqlite.Tests;

/// <summary>
/// FTS5 keeps a contentless_delete table's row and token totals (its "averages" record, which bm25 reads for N and
/// the average passage length) when rows are deleted. After articles are replaced or removed, the index must still
/// hold the live passages' totals and score every query as a fresh index of the same articles does
/// (<see cref="SqliteFullTextRebuild"/>).
/// </summary>
public class FullTextTotalsTests : IDisposable
{
    private const string SourceA = "mem://a";
    private const string SourceB = "mem://b";

    private readonly TempIndex _db = new();
    private readonly TempIndex _fresh = new();

    public void Dispose()
    {
        _db.Dispose();
        _fresh.Dispose();
    }

    // A's first version holds the only "geneva" and "riyadh"; its second the only "istanbul".
    private static readonly IndexedArticle OldA = Article("a", "v1",
        "geneva talk envoy ceasefir",
        "geneva geneva prison swap talk",
        "riyadh delegat prison talk envoy");

    private static readonly IndexedArticle NewA = Article("a", "v2",
        "istanbul talk envoy",
        "istanbul ceasefir energi truce talk talk");

    private static readonly IndexedArticle B = Article("b", "v1",
        "talk envoy ceasefir front",
        "energi truce grid strike");

    private static readonly IndexedArticle C = Article("c", "v1",
        "prison swap envoy",
        "talk front shell kharkiv kharkiv",
        "ceasefir monitor mission");

    private static readonly IndexedArticle D = Article("d", "v1",
        "minsk talk envoy ceasefir",
        "minsk format prison");

    private static readonly IndexedArticle E = Article("e", "v1",
        "talk talk energi grid minsk");

    // Passages of other words, so that the words above are rare enough for bm25 to weigh them (idf above its floor).
    private static readonly IndexedArticle Filler = Article("filler", "v1",
        [.. Enumerable.Range(0, 14).Select(i => $"weather forecast rain day{i} report{i % 3} front")]);

    private static readonly string[][] Queries =
    [
        ["talk"],
        ["ceasefir", "envoy"],
        ["energi", "truce"],
        ["istanbul", "talk"],
        ["prison", "swap"],
        ["kharkiv", "front"],
        ["minsk", "talk"],
        ["geneva", "riyadh", "envoy"],
        ["weather", "front"],
    ];

    [Fact]
    public async Task Replacing_articles_leaves_the_totals_and_scores_of_a_fresh_index()
    {
        await RefreshAsync(_db.Index, async s =>
        {
            await s.StoreArticleAsync(SourceA, OldA, default);
            await s.StoreArticleAsync(SourceA, B, default);
            await s.StoreArticleAsync(SourceA, C, default);
            await s.StoreArticleAsync(SourceA, Filler, default);
        });
        await RefreshAsync(_db.Index, s => s.StoreArticleAsync(SourceA, NewA, default));

        await StoreFreshAsync((SourceA, NewA), (SourceA, B), (SourceA, C), (SourceA, Filler));
        await AssertSameAsFreshAsync();
    }

    [Fact]
    public async Task Removing_an_article_leaves_the_totals_and_scores_of_a_fresh_index()
    {
        await RefreshAsync(_db.Index, async s =>
        {
            await s.StoreArticleAsync(SourceA, OldA, default);
            await s.StoreArticleAsync(SourceA, B, default);
            await s.StoreArticleAsync(SourceA, C, default);
            await s.StoreArticleAsync(SourceA, Filler, default);
        });
        await RefreshAsync(_db.Index, s => s.RemoveArticleAsync(SourceA, "c", default));

        await StoreFreshAsync((SourceA, OldA), (SourceA, B), (SourceA, Filler));
        await AssertSameAsFreshAsync();
    }

    [Fact]
    public async Task Removing_a_source_from_the_registry_leaves_the_totals_and_scores_of_a_fresh_index()
    {
        Assert.True(await _db.Index.AddSourceAsync(SourceB, null, default));
        await RefreshAsync(_db.Index, async s =>
        {
            await s.StoreArticleAsync(SourceA, OldA, default);
            await s.StoreArticleAsync(SourceA, B, default);
            await s.StoreArticleAsync(SourceA, Filler, default);
            await s.StoreArticleAsync(SourceB, D, default);
            await s.StoreArticleAsync(SourceB, E, default);
        });
        Assert.True(await _db.Index.RemoveSourceAsync(SourceB, default));

        await StoreFreshAsync((SourceA, OldA), (SourceA, B), (SourceA, Filler));
        await AssertSameAsFreshAsync();
    }

    [Fact]
    public async Task Removing_a_sources_articles_in_a_refresh_leaves_the_totals_and_scores_of_a_fresh_index()
    {
        await RefreshAsync(_db.Index, async s =>
        {
            await s.StoreArticleAsync(SourceA, OldA, default);
            await s.StoreArticleAsync(SourceA, C, default);
            await s.StoreArticleAsync(SourceA, Filler, default);
            await s.StoreArticleAsync(SourceB, D, default);
            await s.StoreArticleAsync(SourceB, E, default);
        });
        await RefreshAsync(_db.Index, async s => Assert.Equal(2, await s.RemoveSourceArticlesAsync(SourceB, default)));

        await StoreFreshAsync((SourceA, OldA), (SourceA, C), (SourceA, Filler));
        await AssertSameAsFreshAsync();
    }

    [Fact]
    public async Task After_the_rebuild_surviving_terms_search_and_deleted_ones_do_not()
    {
        Assert.True(await _db.Index.AddSourceAsync(SourceB, null, default));
        await RefreshAsync(_db.Index, async s =>
        {
            await s.StoreArticleAsync(SourceA, OldA, default);
            await s.StoreArticleAsync(SourceA, B, default);
            await s.StoreArticleAsync(SourceA, C, default);
            await s.StoreArticleAsync(SourceA, Filler, default);
            await s.StoreArticleAsync(SourceB, D, default);
        });

        // Replaced and removed in one refresh, then a whole source removed.
        await RefreshAsync(_db.Index, async s =>
        {
            await s.StoreArticleAsync(SourceA, NewA, default);
            await s.RemoveArticleAsync(SourceA, "b", default);
        });
        Assert.True(await _db.Index.RemoveSourceAsync(SourceB, default));

        foreach (var gone in new[] { "geneva", "riyadh", "delegat", "grid", "strike", "minsk", "format" })
        {
            Assert.Empty(await _db.Index.SearchAsync([gone], 50, false, default));
        }
        Assert.Empty(await _db.Index.SearchAsync(["geneva", "talk"], 50, true, default));
        Assert.Equal(["a#0", "a#1"], Keys(await _db.Index.SearchAsync(["istanbul"], 50, false, default)).Order());
        Assert.Equal(["a#1"], Keys(await _db.Index.SearchAsync(["istanbul", "truce"], 50, true, default)));
        Assert.Equal(["c#1"], Keys(await _db.Index.SearchAsync(["kharkiv"], 50, false, default)));
        Assert.Equal(["c#0"], Keys(await _db.Index.SearchAsync(["prison", "swap"], 50, true, default)));
        // Term positions survive too: what the rebuilt table holds is each passage's terms in their order.
        Assert.Equal(["c#1"], Keys(await _db.Index.SearchAsync(["shell kharkiv"], 50, false, default)));

        // The rebuilt table takes further stores and deletions like the one the schema made.
        await RefreshAsync(_db.Index, async s =>
        {
            await s.StoreArticleAsync(SourceA, Article("f", "v1", "odesa port grain talk"), default);
            await s.StoreArticleAsync(SourceA, Article("c", "v2", "prison swap envoy kharkiv"), default);
        });
        Assert.Equal(["f#0"], Keys(await _db.Index.SearchAsync(["odesa"], 50, false, default)));
        Assert.Equal(["c#0"], Keys(await _db.Index.SearchAsync(["kharkiv"], 50, false, default)));
        Assert.Empty(await _db.Index.SearchAsync(["shell"], 50, false, default));
        Assert.Empty(await _db.Index.SearchAsync(["monitor"], 50, false, default));

        await StoreFreshAsync((SourceA, NewA), (SourceA, Article("c", "v2", "prison swap envoy kharkiv")), (SourceA, Filler),
            (SourceA, Article("f", "v1", "odesa port grain talk")));
        await AssertSameAsFreshAsync();
    }

    [Fact]
    public async Task A_few_replaced_passages_wait_for_more_and_the_table_is_rebuilt_past_one_percent()
    {
        // 300 passages: 1 % is 3 rows FTS5 may still count after they are gone.
        var many = Article("many", "v1", [.. Enumerable.Range(0, 295).Select(i => $"weather forecast rain day{i} report{i % 7} front")]);
        var twoB = Article("b", "v2", "talk envoy ceasefir front", "energi truce grid strike");
        await RefreshAsync(_db.Index, async s =>
        {
            await s.StoreArticleAsync(SourceA, OldA, default);
            await s.StoreArticleAsync(SourceA, B, default);
            await s.StoreArticleAsync(SourceA, many, default);
        });
        // A's three passages replaced by two: 3 stale rows pass 1 % of 299, and the table is written again.
        await RefreshAsync(_db.Index, s => s.StoreArticleAsync(SourceA, NewA, default));
        long live = CountPassages(_db.Path);
        Assert.Equal(live, ReadTotals(_db.Path).Rows);

        // B's two passages replaced: 2 stale rows of 299, under 1 %: FTS5 still counts them, and no more.
        await RefreshAsync(_db.Index, s => s.StoreArticleAsync(SourceA, twoB, default));
        Assert.Equal(CountPassages(_db.Path) + 2, ReadTotals(_db.Path).Rows);

        // A's two passages removed as well: 4 stale rows pass 1 % of 297, and the table is written again.
        await RefreshAsync(_db.Index, s => s.RemoveArticleAsync(SourceA, "a", default));
        await StoreFreshAsync((SourceA, twoB), (SourceA, many));
        await AssertSameAsFreshAsync();
    }

    [Fact]
    public async Task An_index_from_before_the_stale_count_is_rebuilt_at_its_first_deletion()
    {
        var many = Article("many", "v1", [.. Enumerable.Range(0, 295).Select(i => $"weather forecast rain day{i} report{i % 7} front")]);
        var twoB = Article("b", "v2", "talk envoy ceasefir front", "energi truce grid strike");
        await RefreshAsync(_db.Index, async s =>
        {
            await s.StoreArticleAsync(SourceA, B, default);
            await s.StoreArticleAsync(SourceA, many, default);
        });
        // As schema version 2 left it, with rows deleted behind FTS5's totals (a re-index before this version).
        using (var c = new SqliteConnection($"Data Source={_db.Path}"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = """
                DELETE FROM meta WHERE key = 'fts_stale_rows';
                INSERT INTO passages_fts(rowid, terms) VALUES(100000, 'stale stale row');
                DELETE FROM passages_fts WHERE rowid = 100000;
                PRAGMA user_version = 2;
                """;
            cmd.ExecuteNonQuery();
        }
        SqliteConnection.ClearAllPools();
        var reopened = new SqliteArticleIndex(_db.Path);
        Assert.Equal(CountPassages(_db.Path) + 1, ReadTotals(_db.Path).Rows);

        // Two of 297 replaced, under 1 %, yet the drift before is unknown: rebuilt.
        await RefreshAsync(reopened, s => s.StoreArticleAsync(SourceA, twoB, default));
        Assert.Equal(CountPassages(_db.Path), ReadTotals(_db.Path).Rows);
    }

    /// <summary>
    /// The FTS5 totals are the live passages' (and the fresh index's), and every query finds the same passages with
    /// the same bm25 scores as on the fresh index, by FTS5 and by postings held in process alike.
    /// </summary>
    private async Task AssertSameAsFreshAsync()
    {
        var totals = ReadTotals(_db.Path);
        Assert.Equal(CountPassages(_db.Path), totals.Rows);
        Assert.Equal(ReadTotals(_fresh.Path), totals);

        var held = new SqliteArticleIndex(_db.Path, holdPostings: true);
        int compared = 0;
        foreach (var query in Queries)
        {
            foreach (bool all in new[] { false, true })
            {
                var expected = Scores(await _fresh.Index.SearchAsync(query, 100, all, default));
                var actual = Scores(await _db.Index.SearchAsync(query, 100, all, default));
                AssertSameScores(expected, actual, $"{(all ? "all" : "any")} of {string.Join(' ', query)}");
                AssertSameScores(expected, Scores(await held.SearchAsync(query, 100, all, default)), $"held, {(all ? "all" : "any")} of {string.Join(' ', query)}");
                compared += expected.Count;
            }
        }
        Assert.True(compared >= 20, $"only {compared} hits compared");
    }

    private static void AssertSameScores(IReadOnlyDictionary<string, double> expected, IReadOnlyDictionary<string, double> actual, string query)
    {
        Assert.True(expected.Keys.Order().SequenceEqual(actual.Keys.Order()),
            $"{query}: fresh finds {string.Join(", ", expected.Keys.Order())}; this index {string.Join(", ", actual.Keys.Order())}");
        foreach (var (key, score) in expected)
        {
            Assert.True(Math.Abs(score - actual[key]) <= 1e-9 * Math.Max(1, Math.Abs(score)),
                $"{query}: {key} scores {actual[key]:R} here, {score:R} on a fresh index");
        }
    }

    private static Dictionary<string, double> Scores(IReadOnlyList<PassageHit> hits) =>
        hits.ToDictionary(Key, h => h.Score, StringComparer.Ordinal);

    private static List<string> Keys(IReadOnlyList<PassageHit> hits) => [.. hits.Select(Key)];

    private static string Key(PassageHit hit) => $"{hit.Article.Origin}#{hit.Position}";

    private async Task StoreFreshAsync(params (string Source, IndexedArticle Article)[] articles) =>
        await RefreshAsync(_fresh.Index, async s =>
        {
            foreach (var (source, article) in articles) await s.StoreArticleAsync(source, article, default);
        });

    private static async Task RefreshAsync(SqliteArticleIndex index, Func<IIndexRefreshSession, Task> work)
    {
        await using var session = await index.BeginRefreshAsync(default);
        await work(session);
        await session.CommitAsync(DateTimeOffset.UtcNow, [], default);
    }

    /// <summary>An article whose passages are the given texts, each indexed by its own space-separated words.</summary>
    private static IndexedArticle Article(string origin, string version, params string[] passages) =>
        new(origin, $"{origin}:{version}", $"body:{origin}:{version}", null,
            Articles.Make($"{origin} {version}", string.Join(' ', passages)),
            [.. passages.Select((text, i) => new IndexedPassage(i, text, text.Split(' ')))]);

    /// <summary>FTS5's averages record (row 1 of the data table): the total rows, then the total tokens of the one column.</summary>
    private static (long Rows, long Tokens) ReadTotals(string path)
    {
        using var connection = Open(path);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT block FROM passages_fts_data WHERE id = 1";
        var block = Assert.IsType<byte[]>(cmd.ExecuteScalar());
        int at = 0;
        long rows = Varint(block, ref at);
        long tokens = Varint(block, ref at);
        return (rows, tokens);
    }

    private static long CountPassages(string path)
    {
        using var connection = Open(path);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM passages";
        return (long)cmd.ExecuteScalar()!;
    }

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        return connection;
    }

    /// <summary>SQLite's varint: big-endian groups of 7 bits, the high bit set while more follow; a 9th byte gives all 8.</summary>
    private static long Varint(byte[] bytes, ref int at)
    {
        long value = 0;
        for (int i = 0; i < 9; i++)
        {
            byte b = bytes[at++];
            if (i == 8) return (value << 8) | b;
            value = (value << 7) | (b & 0x7fL);
            if ((b & 0x80) == 0) return value;
        }
        return value;
    }
}
