using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using TalksBot.Core.Indexing;

namespace TalksBot.Index.Sqlite;

/// <summary>
/// The article index in one SQLite file: articles, passages, an FTS5 table of analyzed passage terms ranked by bm25,
/// optional passage vectors, and the sources with how their last refresh went. A refresh is one transaction (WAL mode:
/// readers keep answering from the previous state until it commits).
/// </summary>
public sealed class SqliteArticleIndex : IArticleIndex
{
    private readonly string _connectionString;
    private readonly Lazy<bool> _migrated;
    private readonly object _vectorLock = new();
    private PassageVectors? _vectors;
    private (long Generation, IReadOnlyDictionary<string, long> Terms)? _vocabulary;

    /// <summary>Unit-length vectors of one model in one contiguous array: cosine similarity becomes one dot product.</summary>

    public SqliteArticleIndex(string databasePath)
    {
        DatabasePath = Path.GetFullPath(databasePath);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        _migrated = new Lazy<bool>(Initialize, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string DatabasePath { get; }

    internal SqliteConnection Open()
    {
        _ = _migrated.Value;
        return OpenRaw();
    }

    private SqliteConnection OpenRaw()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;";
            cmd.ExecuteNonQuery();
            return connection;
        }
        catch (SqliteException ex)
        {
            connection.Dispose();
            throw Unavailable(ex);
        }
    }

    /// <summary>
    /// SQLite errors that mean the file itself can't serve (damaged, not a database, unreadable, full), as opposed to a
    /// bug in a statement: these are the documented "index unavailable" (exit 4, HTTP 503), wherever they surface.
    /// </summary>
    internal static bool IsDamage(SqliteException ex) => ex.SqliteErrorCode is 10 or 11 or 13 or 14 or 26;

    internal IndexUnavailableException Unavailable(SqliteException ex) => ex.SqliteErrorCode switch
    {
        26 => new IndexUnavailableException($"{DatabasePath} is not a TalksBot index (the file is not an SQLite database).", ex),
        11 => new IndexUnavailableException($"The index at {DatabasePath} is damaged (SQLite: {ex.Message}).", ex),
        14 => new IndexUnavailableException($"The index at {DatabasePath} can't be opened (missing folder or no permission).", ex),
        _ => new IndexUnavailableException($"The index at {DatabasePath} can't be used: {ex.Message}", ex),
    };

    private bool Initialize()
    {
        var dir = Path.GetDirectoryName(DatabasePath);
        if (!string.IsNullOrEmpty(dir))
        {
            try
            {
                Directory.CreateDirectory(dir);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new IndexUnavailableException($"The folder for the index, {dir}, can't be created: {ex.Message}", ex);
            }
        }
        using var connection = OpenRaw();
        try
        {
            using (var cmd = connection.CreateCommand())
            {
                cmd.CommandText = "PRAGMA journal_mode = WAL;";
                cmd.ExecuteNonQuery();
            }
            SqliteSchema.Migrate(connection, DatabasePath);
        }
        catch (SqliteException ex)
        {
            throw Unavailable(ex);
        }
        return true;
    }

    public async Task<IReadOnlyList<PassageHit>> SearchAsync(IReadOnlyList<string> terms, int limit, bool requireAll, CancellationToken cancellationToken)
    {
        if (terms.Count == 0) return [];
        using var connection = Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            SELECT p.id, p.position, p.text, a.id, a.title, a.outlet, a.published, a.url, a.origin, -f.score
            FROM (SELECT rowid AS id, bm25(passages_fts) AS score FROM passages_fts WHERE passages_fts MATCH $q ORDER BY rank LIMIT $k) f
            JOIN passages p ON p.id = f.id
            JOIN articles a ON a.id = p.article_id
            ORDER BY f.score
            """;
        cmd.Parameters.AddWithValue("$q", MatchExpression(terms, requireAll));
        cmd.Parameters.AddWithValue("$k", limit);
        return await ReadHitsAsync(cmd, cancellationToken);
    }

    internal static string MatchExpression(IEnumerable<string> terms, bool requireAll) =>
        string.Join(requireAll ? " AND " : " OR ", terms.Select(t => "\"" + t.Replace("\"", "\"\"") + "\""));

    private static async Task<IReadOnlyList<PassageHit>> ReadHitsAsync(SqliteCommand cmd, CancellationToken cancellationToken)
    {
        var hits = new List<PassageHit>();
        using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var article = new ArticleInfo(
                reader.GetInt64(3), reader.GetString(4), reader.GetString(5),
                reader.IsDBNull(6) ? null : DateOnly.ParseExact(reader.GetString(6), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                reader.IsDBNull(7) ? null : reader.GetString(7),
                reader.GetString(8));
            hits.Add(new PassageHit(reader.GetInt64(0), reader.GetInt32(1), reader.GetString(2), article, reader.GetDouble(9)));
        }
        return hits;
    }

    public async Task<TermStatistics> GetTermStatisticsAsync(IReadOnlyList<string> terms, CancellationToken cancellationToken)
    {
        using var connection = Open();
        var df = new Dictionary<string, long>(StringComparer.Ordinal);
        using (var cmd = connection.CreateCommand())
        {
            var names = new List<string>();
            for (int i = 0; i < terms.Count; i++)
            {
                names.Add("$t" + i);
                cmd.Parameters.AddWithValue("$t" + i, terms[i]);
            }
            cmd.CommandText = $"SELECT term, doc FROM passages_vocab WHERE term IN ({string.Join(',', names)})";
            if (terms.Count > 0)
            {
                using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken)) df[reader.GetString(0)] = reader.GetInt64(1);
            }
        }
        long total = await ScalarAsync(connection, "SELECT count(*) FROM passages", cancellationToken);
        return new TermStatistics(total, df);
    }

    public async Task<IReadOnlyList<PassageHit>> SearchByVectorAsync(ReadOnlyMemory<float> vector, string model, int limit, CancellationToken cancellationToken)
    {
        using var connection = Open();
        var matrix = await LoadVectorsAsync(connection, model, cancellationToken);
        var scores = matrix.Nearest(vector.Span, limit);
        if (scores.Count == 0) return [];

        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"""
            SELECT p.id, p.position, p.text, a.id, a.title, a.outlet, a.published, a.url, a.origin, 0.0
            FROM passages p JOIN articles a ON a.id = p.article_id
            WHERE p.id IN ({string.Join(',', scores.Keys)})
            """;
        var hits = await ReadHitsAsync(cmd, cancellationToken);
        return hits.Select(h => h with { Score = scores[h.PassageId] }).OrderByDescending(h => h.Score).ToList();
    }

    private async Task<PassageVectors> LoadVectorsAsync(SqliteConnection connection, string model, CancellationToken cancellationToken)
    {
        long generation = await GenerationAsync(connection, cancellationToken);
        lock (_vectorLock)
        {
            if (_vectors is { } cached && cached.Model == model && cached.Generation == generation) return cached;
        }
        var ids = new List<long>();
        var rows = new List<float[]>();
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT passage_id, vector FROM embeddings WHERE model = $m";
            cmd.Parameters.AddWithValue("$m", model);
            using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetInt64(0));
                rows.Add(VectorCodec.Decode((byte[])reader.GetValue(1)));
            }
        }
        var matrix = PassageVectors.Build(model, generation, ids, rows);
        lock (_vectorLock) _vectors = matrix;
        return matrix;
    }

    public async Task<IReadOnlyDictionary<string, long>> GetVocabularyAsync(CancellationToken cancellationToken)
    {
        using var connection = Open();
        long generation = await GenerationAsync(connection, cancellationToken);
        lock (_vectorLock)
        {
            if (_vocabulary is { } cached && cached.Generation == generation) return cached.Terms;
        }
        var terms = new Dictionary<string, long>(StringComparer.Ordinal);
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT term, doc FROM passages_vocab";
            using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) terms[reader.GetString(0)] = reader.GetInt64(1);
        }
        lock (_vectorLock) _vocabulary = (generation, terms);
        return terms;
    }

    public async Task<IReadOnlyList<PassageHit>> GetAdjacentPassagesAsync(IReadOnlyList<long> passageIds, CancellationToken cancellationToken)
    {
        if (passageIds.Count == 0) return [];
        using var connection = Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"""
            SELECT DISTINCT n.id, n.position, n.text, a.id, a.title, a.outlet, a.published, a.url, a.origin, 0.0
            FROM passages p
            JOIN passages n ON n.article_id = p.article_id AND n.position IN (p.position - 1, p.position + 1)
            JOIN articles a ON a.id = n.article_id
            WHERE p.id IN ({string.Join(',', passageIds.Distinct())})
            """;
        return await ReadHitsAsync(cmd, cancellationToken);
    }

    private static async Task<long> GenerationAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT value FROM meta WHERE key = 'generation'";
        var value = await cmd.ExecuteScalarAsync(cancellationToken);
        return value is string s && long.TryParse(s, out var g) ? g : 0;
    }

    public async Task<IndexStatus> GetStatusAsync(CancellationToken cancellationToken)
    {
        using var connection = Open();
        long articles = await ScalarAsync(connection, "SELECT count(*) FROM articles", cancellationToken);
        long passages = await ScalarAsync(connection, "SELECT count(*) FROM passages", cancellationToken);
        var meta = await ReadMetaAsync(connection, cancellationToken);
        var embeddingModel = meta.GetValueOrDefault("embedding_model");
        long embedded = embeddingModel is null ? 0 : await ScalarAsync(connection, "SELECT count(*) FROM embeddings WHERE model = $m", cancellationToken, ("$m", embeddingModel));
        DateTimeOffset? lastRefresh = meta.TryGetValue("last_refresh", out var lr) ? DateTimeOffset.Parse(lr, CultureInfo.InvariantCulture) : null;
        IReadOnlyList<SourceError> errors = meta.TryGetValue("last_refresh_errors", out var json)
            ? JsonSerializer.Deserialize<List<SourceError>>(json) ?? []
            : [];
        var sources = await ReadSourcesAsync(connection, [], cancellationToken);
        long bytes = 0;
        foreach (var suffix in new[] { "", "-wal" })
        {
            var f = new FileInfo(DatabasePath + suffix);
            if (f.Exists) bytes += f.Length;
        }
        return new IndexStatus((int)articles, (int)passages, sources, lastRefresh, DatabasePath, bytes)
        {
            LastRefreshErrors = errors,
            EmbeddingModel = embeddingModel,
            EmbeddedPassages = (int)embedded,
        };
    }

    public async Task<IReadOnlyList<SourceRecord>> GetSourcesAsync(IReadOnlyList<string> configured, CancellationToken cancellationToken)
    {
        using var connection = Open();
        return await ReadSourcesAsync(connection, configured, cancellationToken);
    }

    /// <summary>
    /// Configured sources first (in configuration order), then moderator-added ones; with an empty list, every source
    /// the index has seen.
    /// </summary>
    private static async Task<IReadOnlyList<SourceRecord>> ReadSourcesAsync(SqliteConnection connection, IReadOnlyList<string> configured, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, (int Count, DateOnly? Newest)>(StringComparer.Ordinal);
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT source, count(*), max(published) FROM articles GROUP BY source";
            using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                counts[reader.GetString(0)] = (reader.GetInt32(1), reader.IsDBNull(2) ? null : DateOnly.ParseExact(reader.GetString(2), "yyyy-MM-dd", CultureInfo.InvariantCulture));
            }
        }
        var outlets = new Dictionary<string, List<(string, int, DateOnly?)>>(StringComparer.Ordinal);
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT source, outlet, count(*), max(published) FROM articles WHERE outlet <> '' GROUP BY source, outlet ORDER BY count(*) DESC, outlet";
            using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var list = outlets.TryGetValue(reader.GetString(0), out var l) ? l : outlets[reader.GetString(0)] = [];
                list.Add((reader.GetString(1), reader.GetInt32(2), reader.IsDBNull(3) ? null : DateOnly.ParseExact(reader.GetString(3), "yyyy-MM-dd", CultureInfo.InvariantCulture)));
            }
        }
        var rows = new Dictionary<string, SourceRecord>(StringComparer.Ordinal);
        var order = new List<string>();
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT location, origin, kind, last_success, last_error_at, last_error_location, last_error FROM sources ORDER BY added_at, location";
            using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var location = reader.GetString(0);
                var (count, newest) = counts.GetValueOrDefault(location);
                SourceError? error = reader.IsDBNull(4) ? null : new SourceError(
                    DateTimeOffset.Parse(reader.GetString(4), CultureInfo.InvariantCulture),
                    reader.IsDBNull(5) ? location : reader.GetString(5),
                    reader.IsDBNull(6) ? "" : reader.GetString(6));
                rows[location] = new SourceRecord(
                    location, reader.GetString(1), count, newest,
                    reader.IsDBNull(3) ? null : DateTimeOffset.Parse(reader.GetString(3), CultureInfo.InvariantCulture),
                    error)
                { Kind = reader.IsDBNull(2) ? null : reader.GetString(2), Outlets = outlets.GetValueOrDefault(location) ?? [] };
                order.Add(location);
            }
        }

        if (configured.Count == 0) return order.Select(l => rows[l]).ToList();
        var result = new List<SourceRecord>();
        foreach (var location in configured.Distinct(StringComparer.Ordinal))
        {
            var (count, newest) = counts.GetValueOrDefault(location);
            result.Add(rows.TryGetValue(location, out var r) ? r with { Origin = "config" } : new SourceRecord(location, "config", count, newest, null, null) { Outlets = outlets.GetValueOrDefault(location) ?? [] });
        }
        result.AddRange(order.Where(l => rows[l].Origin is SourceOrigins.Added or SourceOrigins.Given && !configured.Contains(l)).Select(l => rows[l]));
        return result;
    }

    public async Task<bool> AddSourceAsync(string location, string? kind, CancellationToken cancellationToken)
    {
        using var connection = Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            INSERT INTO sources(location, origin, kind, added_at) VALUES($l, 'added', $k, $at)
            ON CONFLICT(location) DO UPDATE SET origin = 'added', kind = excluded.kind, added_at = excluded.added_at WHERE sources.origin <> 'added'
            """;
        cmd.Parameters.AddWithValue("$l", location);
        cmd.Parameters.AddWithValue("$k", (object?)kind ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        return await cmd.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    public async Task<bool> RemoveSourceAsync(string location, CancellationToken cancellationToken)
    {
        using var connection = Open();
        using var tx = connection.BeginTransaction();
        using (var check = connection.CreateCommand())
        {
            check.Transaction = tx;
            check.CommandText = "SELECT count(*) FROM sources WHERE location = $l AND origin IN ('added', 'given')";
            check.Parameters.AddWithValue("$l", location);
            if (Convert.ToInt64(await check.ExecuteScalarAsync(cancellationToken)) == 0) return false;
        }
        await SqliteRefreshSession.DeleteArticlesAsync(connection, tx, "a.source = $s", p => p.AddWithValue("$s", location), cancellationToken);
        using (var cmd = connection.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = "DELETE FROM sources WHERE location = $l; UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation';";
            cmd.Parameters.AddWithValue("$l", location);
            await cmd.ExecuteNonQueryAsync(cancellationToken);
        }
        tx.Commit();
        return true;
    }

    public async Task<IIndexRefreshSession> BeginRefreshAsync(CancellationToken cancellationToken)
    {
        _ = _migrated.Value;
        var refreshLock = RefreshLock.Acquire(DatabasePath);
        try
        {
            var connection = Open();
            return await SqliteRefreshSession.StartAsync(connection, refreshLock, cancellationToken);
        }
        catch
        {
            refreshLock.Dispose();
            throw;
        }
    }

    internal static async Task<long> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters) cmd.Parameters.AddWithValue(name, value);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(cancellationToken) ?? 0L);
    }

    private static async Task<Dictionary<string, string>> ReadMetaAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var meta = new Dictionary<string, string>(StringComparer.Ordinal);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT key, value FROM meta";
        using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (!reader.IsDBNull(1)) meta[reader.GetString(0)] = reader.GetString(1);
        }
        return meta;
    }
}
