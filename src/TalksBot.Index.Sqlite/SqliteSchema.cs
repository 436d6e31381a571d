using Microsoft.Data.Sqlite;
using TalksBot.Core.Indexing;

namespace TalksBot.Index.Sqlite;

/// <summary>
/// The index's tables, versioned with PRAGMA user_version and migrated forward on open. Passages are searched through a
/// contentless FTS5 table holding their analyzed terms (rowid = passage id); the verbatim text lives in `passages`.
/// </summary>
internal static class SqliteSchema
{
    public const int CurrentVersion = 3;

    private static readonly string[] Migrations =
    [
        // 0 → 1
        """
        CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
        CREATE TABLE sources(
            location TEXT PRIMARY KEY,
            origin TEXT NOT NULL DEFAULT 'config',
            kind TEXT,
            added_at TEXT,
            last_success TEXT,
            last_error_at TEXT,
            last_error_location TEXT,
            last_error TEXT);
        CREATE TABLE articles(
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL,
            origin TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            body_hash TEXT NOT NULL,
            url TEXT,
            title TEXT NOT NULL,
            outlet TEXT NOT NULL,
            published TEXT,
            byline TEXT,
            indexed_at TEXT NOT NULL,
            UNIQUE(source, origin));
        CREATE INDEX articles_url ON articles(url) WHERE url IS NOT NULL;
        CREATE INDEX articles_body ON articles(body_hash);
        CREATE TABLE passages(
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            text TEXT NOT NULL);
        CREATE INDEX passages_article ON passages(article_id);
        CREATE VIRTUAL TABLE passages_fts USING fts5(terms, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0');
        CREATE VIRTUAL TABLE passages_vocab USING fts5vocab(passages_fts, 'row');
        CREATE TABLE embeddings(
            passage_id INTEGER NOT NULL REFERENCES passages(id) ON DELETE CASCADE,
            model TEXT NOT NULL,
            vector BLOB NOT NULL,
            PRIMARY KEY(passage_id, model)) WITHOUT ROWID;
        """,
        // 1 → 2: each term's passage count, as fts5vocab counts it, kept in a plain table written when a refresh or a
        // source removal changes passages. fts5vocab counts by walking each term's whole doclist: the full vocabulary
        // (spelling correction) took ~120 ms and one common term's count ~40 ms at 10,000 articles, on every `ask`.
        """
        CREATE TABLE vocabulary(term TEXT PRIMARY KEY, passages INTEGER NOT NULL) WITHOUT ROWID;
        INSERT INTO vocabulary(term, passages) SELECT term, doc FROM passages_vocab;
        """,
        // 2 → 3: the rows FTS5 still counts in its totals though they were deleted (SqliteFullTextRebuild). None in an
        // index with no passages yet; unknown (left out) in one that has some, so its first deletion rebuilds it.
        """
        INSERT INTO meta(key, value) SELECT 'fts_stale_rows', '0' WHERE NOT EXISTS (SELECT 1 FROM passages);
        """,
    ];

    public static void Migrate(SqliteConnection connection, string path)
    {
        long version = Scalar(connection, "PRAGMA user_version");
        if (version > CurrentVersion)
        {
            throw new IndexUnavailableException(
                $"The index at {path} has schema version {version}, newer than this TalksBot understands ({CurrentVersion}). Upgrade TalksBot or point Index:DatabasePath elsewhere.");
        }
        for (long v = version; v < CurrentVersion; v++)
        {
            using var tx = connection.BeginTransaction();
            using (var cmd = connection.CreateCommand())
            {
                cmd.Transaction = tx;
                cmd.CommandText = Migrations[v] + $"\nPRAGMA user_version = {v + 1};";
                cmd.ExecuteNonQuery();
            }
            tx.Commit();
        }
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar() ?? 0L);
    }
}
