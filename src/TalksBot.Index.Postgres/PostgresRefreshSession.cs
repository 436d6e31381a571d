using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using TalksBot.Core.Indexing;

namespace TalksBot.Index.Postgres;

/// <summary>
/// One refresh: a single transaction holding the refresh advisory lock (pg_try_advisory_xact_lock, so a second
/// instance is told at once and a dead instance's lock goes with its connection). Nothing is visible to readers, in
/// this instance or any other, until <see cref="CommitAsync"/>; disposing without it rolls everything back.
/// </summary>
internal sealed class PostgresRefreshSession : IIndexRefreshSession
{
    private const int AnalyzeAfterPassages = 1000;

    private readonly PostgresArticleIndex _index;
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private readonly TermCounts _counts = new();
    private bool _committed;

    private PostgresRefreshSession(PostgresArticleIndex index, NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        _index = index;
        _connection = connection;
        _transaction = transaction;
    }

    public static async Task<PostgresRefreshSession> StartAsync(PostgresArticleIndex index, NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await using var cmd = new NpgsqlCommand($"SELECT pg_try_advisory_xact_lock({PostgresSchema.RefreshLock})", connection, transaction);
            if (await cmd.ExecuteScalarAsync(cancellationToken) is not true)
            {
                throw new RefreshInProgressException("Another refresh is running on this index (another instance or process holds its lock); try again when it has finished.");
            }
            return new PostgresRefreshSession(index, connection, transaction);
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    private NpgsqlCommand Command(string sql) => new(sql, _connection, _transaction);

    public async Task<IReadOnlyDictionary<string, StoredArticle>> GetStoredArticlesAsync(string sourceLocation, CancellationToken cancellationToken)
    {
        var stored = new Dictionary<string, StoredArticle>(StringComparer.Ordinal);
        await using var cmd = Command("SELECT origin, content_hash, url FROM articles WHERE source = @s");
        cmd.Parameters.AddWithValue("s", sourceLocation);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            stored[reader.GetString(0)] = new StoredArticle(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2));
        }
        return stored;
    }

    public async Task<string?> FindDuplicateAsync(string sourceLocation, string origin, string? url, string bodyHash, CancellationToken cancellationToken)
    {
        await using var dup = Command("""
            SELECT origin FROM articles
            WHERE ((url = @u AND @u IS NOT NULL) OR body_hash = @b) AND NOT (source = @s AND origin = @o)
            ORDER BY id LIMIT 1
            """);
        dup.Parameters.Add(new NpgsqlParameter("u", NpgsqlDbType.Text) { Value = (object?)url ?? DBNull.Value });
        dup.Parameters.AddWithValue("b", bodyHash);
        dup.Parameters.AddWithValue("s", sourceLocation);
        dup.Parameters.AddWithValue("o", origin);
        return await dup.ExecuteScalarAsync(cancellationToken) as string;
    }

    public async Task StoreArticleAsync(string sourceLocation, IndexedArticle article, CancellationToken cancellationToken)
    {
        var passages = PassageColumns.Of(article.Passages);
        // A new article (most of a first refresh) is one round trip: the article row and its passages in one
        // statement. One already stored makes the insert do nothing, and is updated in place below.
        await using (var insert = Command("""
            WITH article AS (
                INSERT INTO articles(source, origin, content_hash, body_hash, url, title, outlet, published, byline, indexed_at)
                VALUES(@s, @o, @h, @b, @u, @t, @out, @p, @by, now())
                ON CONFLICT(source, origin) DO NOTHING
                RETURNING id),
            stored AS (
                INSERT INTO passages(article_id, position, text, terms, term_count, tsv)
                SELECT article.id, x.position, x.text, x.terms, x.term_count, x.tsv::tsvector
                FROM article, unnest(@positions::int[], @texts::text[], @terms::text[], @counts::int[], @tsvs::text[]) AS x(position, text, terms, term_count, tsv))
            SELECT id FROM article
            """))
        {
            insert.Parameters.AddWithValue("s", sourceLocation);
            insert.Parameters.AddWithValue("o", article.Origin);
            AddArticleParameters(insert, article);
            passages.AddTo(insert);
            if (await insert.ExecuteScalarAsync(cancellationToken) is long)
            {
                foreach (var passage in article.Passages) _counts.Add(passage.Terms);
                return;
            }
        }

        long id;
        await using (var find = Command("SELECT id FROM articles WHERE source = @s AND origin = @o"))
        {
            find.Parameters.AddWithValue("s", sourceLocation);
            find.Parameters.AddWithValue("o", article.Origin);
            id = Convert.ToInt64(await find.ExecuteScalarAsync(cancellationToken));
        }
        await _counts.DeletePassagesAsync(_connection, _transaction, id, cancellationToken);
        await using (var update = Command("""
            UPDATE articles SET content_hash = @h, body_hash = @b, url = @u, title = @t, outlet = @out, published = @p, byline = @by, indexed_at = now()
            WHERE id = @id
            """))
        {
            AddArticleParameters(update, article);
            update.Parameters.AddWithValue("id", id);
            await update.ExecuteNonQueryAsync(cancellationToken);
        }
        if (article.Passages.Count == 0) return;
        await using var cmd = Command("""
            INSERT INTO passages(article_id, position, text, terms, term_count, tsv)
            SELECT @a, x.position, x.text, x.terms, x.term_count, x.tsv::tsvector
            FROM unnest(@positions::int[], @texts::text[], @terms::text[], @counts::int[], @tsvs::text[]) AS x(position, text, terms, term_count, tsv)
            """);
        cmd.Parameters.AddWithValue("a", id);
        passages.AddTo(cmd);
        await cmd.ExecuteNonQueryAsync(cancellationToken);
        foreach (var passage in article.Passages) _counts.Add(passage.Terms);
    }

    /// <summary>An article's passages as the column arrays the inserts unnest: their terms as text and as a tsvector literal.</summary>
    private sealed record PassageColumns(int[] Positions, string[] Texts, string[] Terms, int[] Counts, string[] Vectors)
    {
        public static PassageColumns Of(IReadOnlyList<IndexedPassage> passages) => new(
            passages.Select(p => p.Position).ToArray(),
            passages.Select(p => p.Text).ToArray(),
            passages.Select(p => p.TermText).ToArray(),
            passages.Select(p => p.Terms.Count).ToArray(),
            passages.Select(p => TextSearchLiterals.Vector(p.Terms)).ToArray());

        public void AddTo(NpgsqlCommand cmd)
        {
            cmd.Parameters.AddWithValue("positions", Positions);
            cmd.Parameters.AddWithValue("texts", Texts);
            cmd.Parameters.AddWithValue("terms", Terms);
            cmd.Parameters.AddWithValue("counts", Counts);
            cmd.Parameters.AddWithValue("tsvs", Vectors);
        }
    }

    private static void AddArticleParameters(NpgsqlCommand cmd, IndexedArticle indexed)
    {
        var article = indexed.Article;
        cmd.Parameters.AddWithValue("h", indexed.ContentHash);
        cmd.Parameters.AddWithValue("b", indexed.BodyHash);
        cmd.Parameters.Add(new NpgsqlParameter("u", NpgsqlDbType.Text) { Value = (object?)indexed.Url ?? DBNull.Value });
        cmd.Parameters.AddWithValue("t", article.Title);
        cmd.Parameters.AddWithValue("out", article.Outlet);
        cmd.Parameters.Add(new NpgsqlParameter("p", NpgsqlDbType.Date) { Value = article.Published is { } d ? d : DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter("by", NpgsqlDbType.Text) { Value = (object?)article.Byline ?? DBNull.Value });
    }

    public async Task RemoveArticleAsync(string sourceLocation, string origin, CancellationToken cancellationToken) =>
        await _counts.DeleteArticlesAsync(_connection, _transaction, "source = @s AND origin = @o", p =>
        {
            p.AddWithValue("s", sourceLocation);
            p.AddWithValue("o", origin);
        }, cancellationToken);

    public async Task<IReadOnlyDictionary<string, string>> GetSourceOriginsAsync(CancellationToken cancellationToken)
    {
        var origins = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var cmd = Command("""
            SELECT location, origin FROM sources
            UNION ALL
            SELECT DISTINCT source, 'config' FROM articles WHERE source NOT IN (SELECT location FROM sources)
            """);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) origins[reader.GetString(0)] = reader.GetString(1);
        return origins;
    }

    public async Task<int> RemoveSourceArticlesAsync(string sourceLocation, CancellationToken cancellationToken)
    {
        int removed = await _counts.DeleteArticlesAsync(_connection, _transaction, "source = @s", p => p.AddWithValue("s", sourceLocation), cancellationToken);
        await using var cmd = Command("DELETE FROM sources WHERE location = @s AND origin <> 'added'");
        cmd.Parameters.AddWithValue("s", sourceLocation);
        await cmd.ExecuteNonQueryAsync(cancellationToken);
        return removed;
    }

    public async Task RecordSourceResultAsync(SourceScanResult result, CancellationToken cancellationToken)
    {
        var (sourceLocation, at, errors, succeeded, origin) = result;
        var error = errors.Count > 0 ? errors[^1] : null;
        await using var cmd = Command("""
            INSERT INTO sources(location, origin, added_at) VALUES(@l, @origin, @at)
                ON CONFLICT(location) DO UPDATE SET origin = 'config' WHERE sources.origin = 'given' AND excluded.origin = 'config';
            UPDATE sources SET
                last_success = CASE WHEN @ok THEN @at ELSE last_success END,
                last_error_at = CASE WHEN @err IS NULL THEN (CASE WHEN @ok THEN NULL ELSE last_error_at END) ELSE @at END,
                last_error_location = CASE WHEN @err IS NULL THEN (CASE WHEN @ok THEN NULL ELSE last_error_location END) ELSE @errloc END,
                last_error = CASE WHEN @err IS NULL THEN (CASE WHEN @ok THEN NULL ELSE last_error END) ELSE @err END
            WHERE location = @l;
            """);
        cmd.Parameters.AddWithValue("l", sourceLocation);
        cmd.Parameters.AddWithValue("origin", origin);
        cmd.Parameters.AddWithValue("at", at.ToUniversalTime());
        cmd.Parameters.AddWithValue("ok", succeeded);
        cmd.Parameters.Add(new NpgsqlParameter("err", NpgsqlDbType.Text) { Value = (object?)error?.Reason ?? DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter("errloc", NpgsqlDbType.Text) { Value = (object?)error?.Location ?? DBNull.Value });
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<(long PassageId, string Text)>> GetPassagesWithoutEmbeddingAsync(string model, int limit, CancellationToken cancellationToken)
    {
        var result = new List<(long, string)>();
        await using var cmd = Command("""
            SELECT p.id, p.text FROM passages p
            WHERE NOT EXISTS (SELECT 1 FROM embeddings e WHERE e.passage_id = p.id AND e.model = @m)
            ORDER BY p.id LIMIT @k
            """);
        cmd.Parameters.AddWithValue("m", model);
        cmd.Parameters.AddWithValue("k", limit);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) result.Add((reader.GetInt64(0), reader.GetString(1)));
        return result;
    }

    public async Task<int> CountPassagesWithoutEmbeddingAsync(string model, CancellationToken cancellationToken)
    {
        await using var cmd = Command("""
            SELECT count(*) FROM passages p
            WHERE NOT EXISTS (SELECT 1 FROM embeddings e WHERE e.passage_id = p.id AND e.model = @m)
            """);
        cmd.Parameters.AddWithValue("m", model);
        return Convert.ToInt32(await cmd.ExecuteScalarAsync(cancellationToken));
    }

    public async Task StoreEmbeddingsAsync(string model, IReadOnlyList<(long PassageId, float[] Vector)> vectors, CancellationToken cancellationToken)
    {
        if (vectors.Count > 0)
        {
            await using var batch = new NpgsqlBatch(_connection, _transaction);
            foreach (var (id, vector) in vectors)
            {
                var insert = new NpgsqlBatchCommand("""
                    INSERT INTO embeddings(passage_id, model, vector) VALUES(@id, @m, @v)
                    ON CONFLICT(passage_id, model) DO UPDATE SET vector = excluded.vector
                    """);
                insert.Parameters.AddWithValue("id", id);
                insert.Parameters.AddWithValue("m", model);
                insert.Parameters.AddWithValue("v", vector);
                batch.BatchCommands.Add(insert);
            }
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
        // Vectors of another model are useless for this one's queries: drop them so a model change re-embeds cleanly.
        await using var prune = Command("""
            DELETE FROM embeddings WHERE model <> @m;
            UPDATE index_state SET embedding_model = @m;
            """);
        prune.Parameters.AddWithValue("m", model);
        await prune.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task CommitAsync(DateTimeOffset refreshedAt, IReadOnlyList<SourceError> errors, CancellationToken cancellationToken)
    {
        await using (var cmd = Command("UPDATE index_state SET last_refresh = @at, last_refresh_errors = @errors"))
        {
            cmd.Parameters.AddWithValue("at", refreshedAt.ToUniversalTime());
            cmd.Parameters.AddWithValue("errors", JsonSerializer.Serialize(errors));
            await cmd.ExecuteNonQueryAsync(cancellationToken);
        }
        long touched = _counts.Touched;
        long generation = await _counts.ApplyAsync(_connection, _transaction, cancellationToken);
        await _transaction.CommitAsync(cancellationToken);
        _committed = true;
        _index.Committed(generation);
        if (touched >= AnalyzeAfterPassages)
        {
            // A large refresh (a first one above all) leaves the planner's statistics far behind the tables until
            // autovacuum comes round; refreshing them now keeps the searches on the GIN index from the next question.
            await using var analyze = new NpgsqlCommand("ANALYZE passages, vocabulary, articles, embeddings", _connection);
            await analyze.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_committed) await _transaction.RollbackAsync();
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
        {
            // The connection is going away; the server rolls back an open transaction when it closes.
        }
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
