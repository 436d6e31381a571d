using System.Text;
using Microsoft.Data.Sqlite;

namespace TalksBot.Index.Sqlite;

/// <summary>
/// Writes the full-text table again from its own instance vocabulary: every live passage's terms, in order, into a
/// new table that takes the old one's name. FTS5 keeps a contentless_delete table's row and token totals (the N and
/// the average length its bm25 reads) when rows are deleted, so after a full re-index it counted every passage
/// twice, every term's idf moved, and the same question ranked passages otherwise than on a fresh index of the same
/// articles (16 of 1,337 evaluation verdicts changed, 12 fewer right). The rows FTS5 still counts though they are
/// gone are kept in `meta` (fts_stale_rows); a transaction that deleted passages adds its own, and past
/// <see cref="MaxStaleShare"/> of the live passages the table is written again and the totals are the live passages'
/// once more.
/// </summary>
internal static class SqliteFullTextRebuild
{
    // As the schema creates it (SqliteSchema's first migration).
    private const string Columns = "terms, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0'";

    /// <summary>
    /// The share of the live passages FTS5 may still count after they are gone before the table is written again. A
    /// rebuild reads every term of the index (about 8 s at 10,000 articles, against 0.7 s for a refresh that replaced
    /// one article), so a few replaced reports wait for more; a re-index, or a source removed, passes it at once. At
    /// 1 % every idf is within ln(1.01) of a fresh index's.
    /// </summary>
    public const double MaxStaleShare = 0.01;

    private const string StaleKey = "fts_stale_rows";

    /// <summary>The passages there are now, to tell afterwards how many a transaction deleted.</summary>
    public static async Task<long> CountPassagesAsync(SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        using var cmd = SqliteDatabase.Command(transaction, "SELECT count(*) FROM passages");
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(cancellationToken));
    }

    /// <summary>
    /// At the end of a transaction that changed passages (<paramref name="passagesBefore"/> at its start, and it
    /// stored <paramref name="passagesInserted"/>): counts those it deleted among the rows FTS5 still holds in its
    /// totals and rebuilds the table when those pass <see cref="MaxStaleShare"/> of the live passages. An index from
    /// before this count is taken to have drifted by all its rows, so its first deletion rebuilds it. True when it
    /// rebuilt.
    /// </summary>
    public static async Task<bool> AfterChangingAsync(SqliteTransaction transaction, long passagesBefore, long passagesInserted, CancellationToken cancellationToken)
    {
        long live = await CountPassagesAsync(transaction, cancellationToken);
        long deleted = passagesBefore + passagesInserted - live;
        if (deleted <= 0) return false;
        long? stale = null;
        using (var read = SqliteDatabase.Command(transaction, $"SELECT value FROM meta WHERE key = '{StaleKey}'"))
        {
            if (await read.ExecuteScalarAsync(cancellationToken) is string value && long.TryParse(value, out var known)) stale = known;
        }
        long now = (stale ?? live) + deleted;
        bool rebuild = now > MaxStaleShare * live;
        if (rebuild)
        {
            await RunAsync(transaction, cancellationToken);
            now = 0;
        }
        using var write = SqliteDatabase.Command(transaction,
            $"INSERT INTO meta(key, value) VALUES('{StaleKey}', $n) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
        write.Parameters.AddWithValue("$n", now.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await write.ExecuteNonQueryAsync(cancellationToken);
        return rebuild;
    }

    private static async Task RunAsync(SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        using (var create = SqliteDatabase.Command(transaction, $"""
            DROP TABLE IF EXISTS passages_fts_rebuilt;
            CREATE VIRTUAL TABLE passages_fts_rebuilt USING fts5({Columns});
            CREATE VIRTUAL TABLE IF NOT EXISTS temp.passages_fts_instances USING fts5vocab(main, 'passages_fts', 'instance');
            """))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        using (var insert = SqliteDatabase.Command(transaction, "INSERT INTO passages_fts_rebuilt(rowid, terms) VALUES($id, $terms)"))
        {
            var id = insert.Parameters.Add("$id", SqliteType.Integer);
            var terms = insert.Parameters.Add("$terms", SqliteType.Text);
            // The instance vocabulary skips deleted rows: what it lists is what the live passages hold.
            using var read = SqliteDatabase.Command(transaction, "SELECT doc, term FROM temp.passages_fts_instances ORDER BY doc, offset");
            using var reader = await read.ExecuteReaderAsync(cancellationToken);
            long current = -1;
            var text = new StringBuilder();
            while (await reader.ReadAsync(cancellationToken))
            {
                long doc = reader.GetInt64(0);
                if (doc != current)
                {
                    if (current >= 0) await WriteAsync(current);
                    current = doc;
                    text.Clear();
                }
                else
                {
                    text.Append(' ');
                }
                text.Append(reader.GetString(1));
            }
            if (current >= 0) await WriteAsync(current);

            async Task WriteAsync(long passage)
            {
                id.Value = passage;
                terms.Value = text.ToString();
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        using var swap = SqliteDatabase.Command(transaction, """
            DROP TABLE temp.passages_fts_instances;
            DROP TABLE passages_vocab;
            DROP TABLE passages_fts;
            ALTER TABLE passages_fts_rebuilt RENAME TO passages_fts;
            CREATE VIRTUAL TABLE passages_vocab USING fts5vocab(passages_fts, 'row');
            """);
        await swap.ExecuteNonQueryAsync(cancellationToken);
    }
}
