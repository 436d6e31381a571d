using System.Globalization;
using Microsoft.Data.Sqlite;
using TalksBot.Core.Indexing;

namespace TalksBot.Index.Sqlite;

/// <summary>
/// Searching the SQLite index: bm25 over the FTS5 table of analyzed passage terms, brute-force cosine over the stored
/// vectors, the term statistics and vocabulary (the `vocabulary` table a refresh writes), and a passage's neighbours. The vector matrix and the vocabulary are
/// kept between calls until a refresh or a source removal moves the index's generation on; so are the term postings
/// when the process holds them (<paramref name="postings"/>: bm25 scored in process instead of by FTS5).
/// </summary>
internal sealed class SqlitePassageSearch(SqliteDatabase database, SqliteTermPostings? postings = null) : IPassageSearch
{
    private readonly object _cacheLock = new();
    private PassageVectors? _vectors;
    private (long Generation, IReadOnlyDictionary<string, long> Terms)? _vocabulary;

    public async Task<IReadOnlyList<PassageHit>> SearchAsync(IReadOnlyList<string> terms, int limit, bool requireAll, CancellationToken cancellationToken)
    {
        if (terms.Count == 0 || limit <= 0) return [];
        using var connection = database.Open();
        if (postings is not null) return await SearchPostingsAsync(connection, postings, terms, limit, requireAll, cancellationToken);
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

    private static async Task<IReadOnlyList<PassageHit>> SearchPostingsAsync(
        SqliteConnection connection, SqliteTermPostings postings, IReadOnlyList<string> terms, int limit, bool requireAll, CancellationToken cancellationToken)
    {
        var scores = postings.Search(connection, terms, limit, requireAll);
        return await ScoredHitsAsync(connection, scores.ToDictionary(s => s.PassageId, s => s.Score), cancellationToken);
    }

    /// <summary>The passages scored in process (bm25 over held postings, or cosine), read with their articles, best first, ties by id.</summary>
    private static async Task<IReadOnlyList<PassageHit>> ScoredHitsAsync(SqliteConnection connection, IReadOnlyDictionary<long, double> scores, CancellationToken cancellationToken)
    {
        if (scores.Count == 0) return [];
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"""
            SELECT p.id, p.position, p.text, a.id, a.title, a.outlet, a.published, a.url, a.origin, 0.0
            FROM passages p JOIN articles a ON a.id = p.article_id
            WHERE p.id IN ({string.Join(',', scores.Keys)})
            """;
        var hits = await ReadHitsAsync(cmd, cancellationToken);
        return hits.Select(h => h with { Score = scores[h.PassageId] }).OrderByDescending(h => h.Score).ThenBy(h => h.PassageId).ToList();
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
        using var connection = database.Open();
        var df = new Dictionary<string, long>(StringComparer.Ordinal);
        using (var cmd = connection.CreateCommand())
        {
            var names = new List<string>();
            for (int i = 0; i < terms.Count; i++)
            {
                names.Add("$t" + i);
                cmd.Parameters.AddWithValue("$t" + i, terms[i]);
            }
            cmd.CommandText = $"SELECT term, passages FROM vocabulary WHERE term IN ({string.Join(',', names)})";
            if (terms.Count > 0)
            {
                using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken)) df[reader.GetString(0)] = reader.GetInt64(1);
            }
        }
        long total = await SqliteDatabase.ScalarAsync(connection, "SELECT count(*) FROM passages", cancellationToken);
        return new TermStatistics(total, df);
    }

    public async Task<IReadOnlyList<PassageHit>> SearchByVectorAsync(ReadOnlyMemory<float> vector, string model, int limit, CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        var matrix = await LoadVectorsAsync(connection, model, cancellationToken);
        var scores = matrix.Nearest(vector.Span, limit);
        return await ScoredHitsAsync(connection, scores.ToDictionary(kv => kv.Key, kv => (double)kv.Value), cancellationToken);
    }

    private async Task<PassageVectors> LoadVectorsAsync(SqliteConnection connection, string model, CancellationToken cancellationToken)
    {
        long generation = SqliteDatabase.Generation(connection);
        lock (_cacheLock)
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
        lock (_cacheLock) _vectors = matrix;
        return matrix;
    }

    public async Task<IReadOnlyDictionary<string, long>> GetVocabularyAsync(CancellationToken cancellationToken)
    {
        using var connection = database.Open();
        long generation = SqliteDatabase.Generation(connection);
        lock (_cacheLock)
        {
            if (_vocabulary is { } cached && cached.Generation == generation) return cached.Terms;
        }
        var terms = new Dictionary<string, long>(StringComparer.Ordinal);
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT term, passages FROM vocabulary";
            using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) terms[reader.GetString(0)] = reader.GetInt64(1);
        }
        lock (_cacheLock) _vocabulary = (generation, terms);
        return terms;
    }

    public async Task<IReadOnlyList<PassageHit>> GetAdjacentPassagesAsync(IReadOnlyList<long> passageIds, CancellationToken cancellationToken)
    {
        if (passageIds.Count == 0) return [];
        using var connection = database.Open();
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
}
