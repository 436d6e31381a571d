using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;
using TalksBot.Core.Indexing;

namespace TalksBot.Index.Postgres;

/// <summary>
/// The article index in PostgreSQL, for several instances on one database. Passages are searched over the same analyzed
/// terms as the SQLite index and ranked with the same bm25 (FTS5's formula, k1 = 1.2, b = 0.75, from the stored term
/// counts and totals), so both stores rank alike. Vectors are stored in the database and scored in process, held in
/// memory until another instance's commit is announced over LISTEN/NOTIFY. A refresh is one transaction, and one
/// refresh at a time across every instance (an advisory lock).
/// </summary>
public sealed class PostgresArticleIndex : IArticleIndex, IAsyncDisposable
{
    private readonly PostgresDatabase _database;
    private readonly bool _ownsDatabase;
    private readonly IndexChangeListener _listener;
    private readonly object _cacheLock = new();
    private int _disposed;
    private PassageVectors? _vectors;
    private (long Generation, IReadOnlyDictionary<string, long> Terms)? _vocabulary;
    private volatile TermPostings? _postings;
    private readonly SemaphoreSlim _postingsLoad = new(1, 1);

    /// <summary>Unit-length vectors of one model in one contiguous array: cosine similarity becomes one dot product.</summary>

    /// <summary>An index with a connection pool of its own (tests, tools).</summary>
    public PostgresArticleIndex(string connectionString, ILogger<PostgresArticleIndex>? logger = null)
        : this(new PostgresDatabase(connectionString), logger, ownsDatabase: true)
    {
    }

    /// <summary>An index on a database it shares with the state stores.</summary>
    public PostgresArticleIndex(PostgresDatabase database, ILogger<PostgresArticleIndex>? logger = null)
        : this(database, logger, ownsDatabase: false)
    {
    }

    private PostgresArticleIndex(PostgresDatabase database, ILogger<PostgresArticleIndex>? logger, bool ownsDatabase)
    {
        _database = database;
        _ownsDatabase = ownsDatabase;
        _listener = new IndexChangeListener(database.DataSource, (ILogger?)logger ?? NullLogger.Instance);
    }

    /// <summary>The database, as postgresql://host[:port]/database (never the credentials).</summary>
    public string Location => _database.Location;

    /// <summary>Completes once this instance knows of <paramref name="generation"/>: for tests of two instances.</summary>
    internal Task WaitForGenerationAsync(long generation, CancellationToken cancellationToken) => _listener.WaitForGenerationAsync(generation, cancellationToken);

    internal Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken) => _database.OpenAsync(cancellationToken);

    private Task<T> GuardAsync<T>(Func<Task<T>> call) => _database.GuardAsync(call);

    public Task<IReadOnlyList<PassageHit>> SearchAsync(IReadOnlyList<string> terms, int limit, bool requireAll, CancellationToken cancellationToken) => GuardAsync(async () =>
    {
        if (terms.Count == 0 || limit <= 0) return (IReadOnlyList<PassageHit>)[];
        await using var connection = await OpenAsync(cancellationToken);
        // bm25 as FTS5 computes it, over the postings this instance holds (see TermPostings); the database is asked
        // only for the passages that made the cut.
        var postings = await LoadPostingsAsync(connection, cancellationToken);
        var scores = postings.Search(terms, limit, requireAll);
        if (scores.Count == 0) return (IReadOnlyList<PassageHit>)[];
        await using var cmd = new NpgsqlCommand("""
            SELECT p.id, p.position, p.text, a.id, a.title, a.outlet, a.published, a.url, a.origin, 0.0::float8
            FROM passages p JOIN articles a ON a.id = p.article_id
            WHERE p.id = ANY(@ids)
            """, connection);
        cmd.Parameters.AddWithValue("ids", scores.Select(s => s.PassageId).ToArray());
        var score = scores.ToDictionary(s => s.PassageId, s => s.Score);
        var hits = await ReadHitsAsync(cmd, cancellationToken);
        return hits.Select(h => h with { Score = score[h.PassageId] }).OrderByDescending(h => h.Score).ThenBy(h => h.PassageId).ToList();
    });

    /// <summary>The postings of the generation this instance serves, read once per generation (one reader at a time).</summary>
    private async Task<TermPostings> LoadPostingsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        long generation = await GenerationAsync(connection, cancellationToken);
        // A snapshot newer than the announced generation is as good: its notification is on its way.
        if (_postings is { } cached && cached.Generation >= generation) return cached;
        await _postingsLoad.WaitAsync(cancellationToken);
        try
        {
            if (_postings is { } loaded && loaded.Generation >= generation) return loaded;
            var postings = await TermPostings.LoadAsync(connection, cancellationToken);
            _postings = postings;
            return postings;
        }
        finally
        {
            _postingsLoad.Release();
        }
    }

    /// <summary>The postings when they are of the generation this instance serves, else null (nothing is loaded).</summary>
    private async Task<TermPostings?> CurrentPostingsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        if (_postings is not { } cached) return null;
        long generation = await GenerationAsync(connection, cancellationToken);
        return cached.Generation >= generation ? cached : null;
    }

    internal static async Task<IReadOnlyList<PassageHit>> ReadHitsAsync(NpgsqlCommand cmd, CancellationToken cancellationToken)
    {
        var hits = new List<PassageHit>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var article = new ArticleInfo(
                reader.GetInt64(3), reader.GetString(4), reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetFieldValue<DateOnly>(6),
                reader.IsDBNull(7) ? null : reader.GetString(7),
                reader.GetString(8));
            hits.Add(new PassageHit(reader.GetInt64(0), reader.GetInt32(1), reader.GetString(2), article, reader.GetDouble(9)));
        }
        return hits;
    }

    public Task<TermStatistics> GetTermStatisticsAsync(IReadOnlyList<string> terms, CancellationToken cancellationToken) => GuardAsync(async () =>
    {
        await using var connection = await OpenAsync(cancellationToken);
        if (await CurrentPostingsAsync(connection, cancellationToken) is { } postings)
        {
            // The counts the postings were read with: no round trip, and the same figures the search will rank by.
            var known = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var term in terms)
            {
                if (postings.DocumentFrequency.TryGetValue(term, out long d)) known[term] = d;
            }
            return new TermStatistics(postings.Passages, known);
        }
        await using var cmd = new NpgsqlCommand("""
            SELECT term, passages FROM vocabulary WHERE term = ANY(@terms);
            SELECT passages FROM index_state;
            """, connection);
        cmd.Parameters.Add(new NpgsqlParameter("terms", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = terms.ToArray() });
        var df = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) df[reader.GetString(0)] = reader.GetInt64(1);
        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new TermStatistics(reader.GetInt64(0), df);
    });

    public Task<IReadOnlyList<PassageHit>> SearchByVectorAsync(ReadOnlyMemory<float> vector, string model, int limit, CancellationToken cancellationToken) => GuardAsync(async () =>
    {
        await using var connection = await OpenAsync(cancellationToken);
        var matrix = await LoadVectorsAsync(connection, model, cancellationToken);
        var scores = matrix.Nearest(vector.Span, limit);
        if (scores.Count == 0) return (IReadOnlyList<PassageHit>)[];

        await using var cmd = new NpgsqlCommand("""
            SELECT p.id, p.position, p.text, a.id, a.title, a.outlet, a.published, a.url, a.origin, 0.0::float8
            FROM passages p JOIN articles a ON a.id = p.article_id
            WHERE p.id = ANY(@ids)
            """, connection);
        cmd.Parameters.AddWithValue("ids", scores.Keys.ToArray());
        var hits = await ReadHitsAsync(cmd, cancellationToken);
        return hits.Select(h => h with { Score = scores[h.PassageId] }).OrderByDescending(h => h.Score).ToList();
    });

    /// <summary>
    /// The generation of the index this instance should serve: the one announced over LISTEN/NOTIFY while listening,
    /// else read from the database (and listening starts, so the next call needn't ask).
    /// </summary>
    private async Task<long> GenerationAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        _listener.EnsureStarted();
        if (_listener.Generation is { } known) return known;
        await using var cmd = new NpgsqlCommand("SELECT generation FROM index_state", connection);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(cancellationToken));
    }

    private async Task<PassageVectors> LoadVectorsAsync(NpgsqlConnection connection, string model, CancellationToken cancellationToken)
    {
        long generation = await GenerationAsync(connection, cancellationToken);
        lock (_cacheLock)
        {
            if (_vectors is { } cached && cached.Model == model && cached.Generation == generation) return cached;
        }
        var ids = new List<long>();
        var rows = new List<float[]>();
        await using (var cmd = new NpgsqlCommand("SELECT passage_id, vector FROM embeddings WHERE model = @m", connection))
        {
            cmd.Parameters.AddWithValue("m", model);
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetInt64(0));
                rows.Add(reader.GetFieldValue<float[]>(1));
            }
        }
        var matrix = PassageVectors.Build(model, generation, ids, rows);
        lock (_cacheLock) _vectors = matrix;
        return matrix;
    }

    public Task<IReadOnlyDictionary<string, long>> GetVocabularyAsync(CancellationToken cancellationToken) => GuardAsync(async () =>
    {
        await using var connection = await OpenAsync(cancellationToken);
        if (await CurrentPostingsAsync(connection, cancellationToken) is { } postings) return postings.DocumentFrequency;
        long generation = await GenerationAsync(connection, cancellationToken);
        lock (_cacheLock)
        {
            if (_vocabulary is { } cached && cached.Generation == generation) return cached.Terms;
        }
        var terms = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (var cmd = new NpgsqlCommand("SELECT term, passages FROM vocabulary", connection))
        await using (var reader = await cmd.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken)) terms[reader.GetString(0)] = reader.GetInt64(1);
        }
        lock (_cacheLock) _vocabulary = (generation, terms);
        return (IReadOnlyDictionary<string, long>)terms;
    });

    public Task<IReadOnlyList<PassageHit>> GetAdjacentPassagesAsync(IReadOnlyList<long> passageIds, CancellationToken cancellationToken) => GuardAsync(async () =>
    {
        if (passageIds.Count == 0) return (IReadOnlyList<PassageHit>)[];
        await using var connection = await OpenAsync(cancellationToken);
        await using var cmd = new NpgsqlCommand("""
            SELECT DISTINCT n.id, n.position, n.text, a.id, a.title, a.outlet, a.published, a.url, a.origin, 0.0::float8
            FROM passages p
            JOIN passages n ON n.article_id = p.article_id AND n.position IN (p.position - 1, p.position + 1)
            JOIN articles a ON a.id = n.article_id
            WHERE p.id = ANY(@ids)
            """, connection);
        cmd.Parameters.AddWithValue("ids", passageIds.Distinct().ToArray());
        return await ReadHitsAsync(cmd, cancellationToken);
    });

    public Task<IndexStatus> GetStatusAsync(CancellationToken cancellationToken) => GuardAsync(async () =>
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var cmd = new NpgsqlCommand("""
            SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM passages), s.last_refresh, s.last_refresh_errors, s.embedding_model,
                   (SELECT count(*) FROM embeddings e WHERE e.model = s.embedding_model), pg_database_size(current_database())
            FROM index_state s
            """, connection);
        long articles, passages, embedded, bytes;
        DateTimeOffset? lastRefresh;
        string? errorsJson, model;
        await using (var reader = await cmd.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            articles = reader.GetInt64(0);
            passages = reader.GetInt64(1);
            lastRefresh = reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTimeOffset>(2);
            errorsJson = reader.IsDBNull(3) ? null : reader.GetString(3);
            model = reader.IsDBNull(4) ? null : reader.GetString(4);
            embedded = reader.GetInt64(5);
            bytes = reader.GetInt64(6);
        }
        IReadOnlyList<SourceError> errors = errorsJson is null ? [] : JsonSerializer.Deserialize<List<SourceError>>(errorsJson) ?? [];
        var sources = await PostgresSources.ReadAsync(connection, [], cancellationToken);
        return new IndexStatus((int)articles, (int)passages, sources, lastRefresh, Location, bytes)
        {
            LastRefreshErrors = errors,
            EmbeddingModel = model,
            EmbeddedPassages = (int)embedded,
        };
    });

    public Task<IReadOnlyList<SourceRecord>> GetSourcesAsync(IReadOnlyList<string> configured, CancellationToken cancellationToken) => GuardAsync(async () =>
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await PostgresSources.ReadAsync(connection, configured, cancellationToken);
    });

    public Task<bool> AddSourceAsync(string location, string? kind, CancellationToken cancellationToken) => GuardAsync(async () =>
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var cmd = new NpgsqlCommand("""
            INSERT INTO sources(location, origin, kind, added_at) VALUES(@l, 'added', @k, now())
            ON CONFLICT(location) DO UPDATE SET origin = 'added', kind = excluded.kind, added_at = excluded.added_at WHERE sources.origin <> 'added'
            """, connection);
        cmd.Parameters.AddWithValue("l", location);
        cmd.Parameters.AddWithValue("k", (object?)kind ?? DBNull.Value);
        return await cmd.ExecuteNonQueryAsync(cancellationToken) > 0;
    });

    public Task<bool> RemoveSourceAsync(string location, CancellationToken cancellationToken) => GuardAsync(async () =>
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        // Waits for a running refresh rather than interleaving with it (both change the term counts), but not for long.
        await using (var wait = new NpgsqlCommand($"SET LOCAL lock_timeout = '20s'; SELECT pg_advisory_xact_lock({PostgresSchema.RefreshLock})", connection, tx))
        {
            try
            {
                await wait.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.LockNotAvailable)
            {
                throw new RefreshInProgressException("A refresh is running on this index; remove the source again when it has finished.");
            }
        }
        await using (var check = new NpgsqlCommand("SELECT count(*) FROM sources WHERE location = @l AND origin IN ('added', 'given')", connection, tx))
        {
            check.Parameters.AddWithValue("l", location);
            if (Convert.ToInt64(await check.ExecuteScalarAsync(cancellationToken)) == 0) return false;
        }
        var counts = new TermCounts();
        await counts.DeleteArticlesAsync(connection, tx, "source = @s", p => p.AddWithValue("s", location), cancellationToken);
        await using (var cmd = new NpgsqlCommand("DELETE FROM sources WHERE location = @l", connection, tx))
        {
            cmd.Parameters.AddWithValue("l", location);
            await cmd.ExecuteNonQueryAsync(cancellationToken);
        }
        long generation = await counts.ApplyAsync(connection, tx, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        Committed(generation);
        return true;
    });

    public Task<IIndexRefreshSession> BeginRefreshAsync(CancellationToken cancellationToken) => GuardAsync(async () =>
    {
        var connection = await OpenAsync(cancellationToken);
        try
        {
            return (IIndexRefreshSession)await PostgresRefreshSession.StartAsync(this, connection, cancellationToken);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    });

    /// <summary>This instance committed a change: its caches follow at once, not when its own notification comes back.</summary>
    internal void Committed(long generation) => _listener.Observe(generation);

    public async ValueTask DisposeAsync()
    {
        // Registered under several service types, this can be disposed more than once.
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        await _listener.DisposeAsync();
        if (_ownsDatabase) await _database.DisposeAsync();
    }
}
