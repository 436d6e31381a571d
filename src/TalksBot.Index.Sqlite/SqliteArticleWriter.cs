using System.Globalization;
using Microsoft.Data.Sqlite;
using TalksBot.Core.Indexing;

namespace TalksBot.Index.Sqlite;

/// <summary>
/// Articles inside a refresh's transaction: what is stored per source (for the refresher's decisions), and storing,
/// replacing and removing articles with their passages, searchable terms and vectors.
/// </summary>
internal sealed class SqliteArticleWriter : IDisposable
{
    private readonly SqliteTransaction _transaction;
    private readonly string _now;
    private readonly SqliteCommand _insertPassage;
    private readonly SqliteCommand _insertTerms;
    private readonly SqliteCommand _findDuplicate;
    private readonly SqliteCommand _findArticle;
    private readonly SqliteCommand _insertArticle;
    // A passage's terms wait here and go into FTS5 in batches: interleaving one passages row and one FTS5 row at a
    // time made the store step ~3× slower than writing each table in runs (measured on the 10,000-article bench).
    private readonly List<(long PassageId, string Terms)> _pendingTerms = [];
    private const int TermsBatch = 256;

    public SqliteArticleWriter(SqliteTransaction transaction, string now)
    {
        _transaction = transaction;
        _now = now;
        // No RETURNING: SQLite buffers a returned row and the provider opens a reader for it, which made each passage's
        // insert ~2.5× slower; the new row's id is read from the connection instead (RowId).
        _insertPassage = Command("INSERT INTO passages(article_id, position, text) VALUES($a, $p, $t)");
        _insertPassage.Parameters.Add("$a", SqliteType.Integer);
        _insertPassage.Parameters.Add("$p", SqliteType.Integer);
        _insertPassage.Parameters.Add("$t", SqliteType.Text);
        _insertTerms = Command("INSERT INTO passages_fts(rowid, terms) VALUES($id, $terms)");
        _insertTerms.Parameters.Add("$id", SqliteType.Integer);
        _insertTerms.Parameters.Add("$terms", SqliteType.Text);
        // Prepared once per refresh: each article ran these three, re-parsing their SQL every time.
        _findDuplicate = Command("""
            SELECT origin FROM articles
            WHERE ((url = $u AND $u IS NOT NULL) OR body_hash = $b) AND NOT (source = $s AND origin = $o)
            LIMIT 1
            """);
        foreach (var name in new[] { "$u", "$b", "$s", "$o" }) _findDuplicate.Parameters.Add(name, SqliteType.Text);
        _findArticle = Command("SELECT id FROM articles WHERE source = $s AND origin = $o");
        _findArticle.Parameters.Add("$s", SqliteType.Text);
        _findArticle.Parameters.Add("$o", SqliteType.Text);
        _insertArticle = Command("""
            INSERT INTO articles(source, origin, content_hash, body_hash, url, title, outlet, published, byline, indexed_at)
            VALUES($s, $o, $h, $b, $u, $t, $out, $p, $by, $at)
            """);
        foreach (var name in ArticleColumns.Prepend("$o").Prepend("$s")) _insertArticle.Parameters.Add(name, SqliteType.Text);
    }

    private SqliteCommand Command(string sql) => SqliteDatabase.Command(_transaction, sql);

    // The rowid of the row this connection inserted last: only this writer inserts on it while the transaction lasts.
    private long InsertedRowId() => SQLitePCL.raw.sqlite3_last_insert_rowid(_transaction.Connection!.Handle);

    public async Task<IReadOnlyDictionary<string, StoredArticle>> GetStoredArticlesAsync(string sourceLocation, CancellationToken cancellationToken)
    {
        var stored = new Dictionary<string, StoredArticle>(StringComparer.Ordinal);
        using var cmd = Command("SELECT origin, content_hash, url FROM articles WHERE source = $s");
        cmd.Parameters.AddWithValue("$s", sourceLocation);
        using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            stored[reader.GetString(0)] = new StoredArticle(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2));
        }
        return stored;
    }

    public async Task<string?> FindDuplicateAsync(string sourceLocation, string origin, string? url, string bodyHash, CancellationToken cancellationToken)
    {
        _findDuplicate.Parameters["$u"].Value = (object?)url ?? DBNull.Value;
        _findDuplicate.Parameters["$b"].Value = bodyHash;
        _findDuplicate.Parameters["$s"].Value = sourceLocation;
        _findDuplicate.Parameters["$o"].Value = origin;
        return await _findDuplicate.ExecuteScalarAsync(cancellationToken) as string;
    }

    public async Task StoreArticleAsync(string sourceLocation, IndexedArticle article, CancellationToken cancellationToken)
    {
        PassagesChanged = true;
        long? existingId = null;
        _findArticle.Parameters["$s"].Value = sourceLocation;
        _findArticle.Parameters["$o"].Value = article.Origin;
        if (await _findArticle.ExecuteScalarAsync(cancellationToken) is { } found) existingId = Convert.ToInt64(found);

        long articleId;
        if (existingId is { } id)
        {
            await DeletePassagesAsync(id, cancellationToken);
            using var update = Command("""
                UPDATE articles SET content_hash = $h, body_hash = $b, url = $u, title = $t, outlet = $out, published = $p, byline = $by, indexed_at = $at
                WHERE id = $id
                """);
            foreach (var name in ArticleColumns) update.Parameters.Add(name, SqliteType.Text);
            SetArticleParameters(update, article);
            update.Parameters.AddWithValue("$id", id);
            await update.ExecuteNonQueryAsync(cancellationToken);
            articleId = id;
        }
        else
        {
            _insertArticle.Parameters["$s"].Value = sourceLocation;
            _insertArticle.Parameters["$o"].Value = article.Origin;
            SetArticleParameters(_insertArticle, article);
            await _insertArticle.ExecuteNonQueryAsync(cancellationToken);
            articleId = InsertedRowId();
        }

        foreach (var passage in article.Passages)
        {
            _insertPassage.Parameters["$a"].Value = articleId;
            _insertPassage.Parameters["$p"].Value = passage.Position;
            _insertPassage.Parameters["$t"].Value = passage.Text;
            await _insertPassage.ExecuteNonQueryAsync(cancellationToken);
            PassagesInserted++;
            long passageId = InsertedRowId();
            _pendingTerms.Add((passageId, passage.TermText));
        }
        if (_pendingTerms.Count >= TermsBatch) await FlushTermsAsync(cancellationToken);
    }

    /// <summary>Writes the waiting passage terms; the session calls it before anything deletes terms and before its commit.</summary>
    public async Task FlushTermsAsync(CancellationToken cancellationToken)
    {
        foreach (var (passageId, terms) in _pendingTerms)
        {
            _insertTerms.Parameters["$id"].Value = passageId;
            _insertTerms.Parameters["$terms"].Value = terms;
            await _insertTerms.ExecuteNonQueryAsync(cancellationToken);
        }
        _pendingTerms.Clear();
    }

    // The article's own columns, as written by an insert and an update alike.
    private static readonly string[] ArticleColumns = ["$h", "$b", "$u", "$t", "$out", "$p", "$by", "$at"];

    private void SetArticleParameters(SqliteCommand cmd, IndexedArticle indexed)
    {
        var article = indexed.Article;
        cmd.Parameters["$h"].Value = indexed.ContentHash;
        cmd.Parameters["$b"].Value = indexed.BodyHash;
        cmd.Parameters["$u"].Value = (object?)indexed.Url ?? DBNull.Value;
        cmd.Parameters["$t"].Value = article.Title;
        cmd.Parameters["$out"].Value = article.Outlet;
        cmd.Parameters["$p"].Value = article.Published is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : DBNull.Value;
        cmd.Parameters["$by"].Value = (object?)article.Byline ?? DBNull.Value;
        cmd.Parameters["$at"].Value = _now;
    }


    /// <summary>Whether this transaction stored or deleted any passage (the vocabulary table then needs writing).</summary>
    public bool PassagesChanged { get; private set; }

    /// <summary>How many passages this transaction stored (with the counts before and after, how many it deleted).</summary>
    public long PassagesInserted { get; private set; }

    public async Task RemoveArticleAsync(string sourceLocation, string origin, CancellationToken cancellationToken)
    {
        PassagesChanged = true;
        await FlushTermsAsync(cancellationToken);
        await DeleteArticlesAsync(_transaction, "a.source = $s AND a.origin = $o", p =>
        {
            p.AddWithValue("$s", sourceLocation);
            p.AddWithValue("$o", origin);
        }, cancellationToken);
    }

    /// <summary>Removes every article of a source; returns how many went.</summary>
    public async Task<int> RemoveSourceArticlesAsync(string sourceLocation, CancellationToken cancellationToken)
    {
        PassagesChanged = true;
        await FlushTermsAsync(cancellationToken);
        return await DeleteArticlesAsync(_transaction, "a.source = $s", p => p.AddWithValue("$s", sourceLocation), cancellationToken);
    }

    private async Task DeletePassagesAsync(long articleId, CancellationToken cancellationToken)
    {
        await FlushTermsAsync(cancellationToken);
        using var cmd = Command("""
            DELETE FROM passages_fts WHERE rowid IN (SELECT id FROM passages WHERE article_id = $id);
            DELETE FROM passages WHERE article_id = $id;
            """);
        cmd.Parameters.AddWithValue("$id", articleId);
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Deletes articles matching a condition on `articles a`, with their passages, terms and vectors.</summary>
    internal static async Task<int> DeleteArticlesAsync(
        SqliteTransaction transaction, string where, Action<SqliteParameterCollection> parameters, CancellationToken cancellationToken)
    {
        using var cmd = SqliteDatabase.Command(transaction, $"""
            DELETE FROM passages_fts WHERE rowid IN (SELECT p.id FROM passages p JOIN articles a ON a.id = p.article_id WHERE {where});
            DELETE FROM articles AS a WHERE {where};
            """);
        parameters(cmd.Parameters);
        await cmd.ExecuteNonQueryAsync(cancellationToken);
        using var changes = SqliteDatabase.Command(transaction, "SELECT changes()");
        return Convert.ToInt32(await changes.ExecuteScalarAsync(cancellationToken));
    }

    /// <summary>
    /// Writes the `vocabulary` table again from FTS5's own counts, inside the transaction that changed the passages
    /// (its terms flushed first), so readers see counts and passages change together.
    /// </summary>
    internal static async Task WriteVocabularyAsync(SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        using var cmd = SqliteDatabase.Command(transaction, """
            DELETE FROM vocabulary;
            INSERT INTO vocabulary(term, passages) SELECT term, doc FROM passages_vocab;
            """);
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    public void Dispose()
    {
        _insertPassage.Dispose();
        _insertTerms.Dispose();
        _findDuplicate.Dispose();
        _findArticle.Dispose();
        _insertArticle.Dispose();
    }
}
