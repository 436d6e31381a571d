using System.Text;
using Microsoft.Data.Sqlite;

namespace TalksBot.Index.Sqlite;

/// <summary>
/// Writes the full-text table again from its own instance vocabulary: every live passage's terms, in order, into a
/// new table that takes the old one's name. FTS5 keeps a contentless_delete table's row and token totals (the N and
/// the average length its bm25 reads) when rows are deleted, so after a full re-index it counted every passage
/// twice, every term's idf moved, and the same question ranked passages otherwise than on a fresh index of the same
/// articles (12 of 1,337 evaluation verdicts changed). A transaction that deleted passages ends with this, and the
/// totals are the live passages' again.
/// </summary>
internal static class SqliteFullTextRebuild
{
    // As the schema creates it (SqliteSchema's first migration).
    private const string Columns = "terms, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0'";

    public static async Task RunAsync(SqliteTransaction transaction, CancellationToken cancellationToken)
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
