using Npgsql;
using NpgsqlTypes;

namespace TalksBot.Index.Postgres;

/// <summary>
/// What one write transaction does to the statistics bm25 and spelling correction read: passages per term, passages
/// and terms in all. Counted in process as passages are stored and deleted, then applied in one statement each at the
/// end of the transaction, which also moves the generation on and announces it (NOTIFY is delivered on commit).
/// </summary>
internal sealed class TermCounts
{
    private readonly Dictionary<string, long> _perTerm = new(StringComparer.Ordinal);
    private long _passages;
    private long _tokens;

    /// <summary>Passages stored or deleted so far (not netted out): how much the tables' statistics may have moved.</summary>
    public long Touched { get; private set; }

    public void Add(IReadOnlyList<string> terms) => Count(terms, +1);

    public void Remove(IReadOnlyList<string> terms) => Count(terms, -1);

    private void Count(IReadOnlyList<string> terms, int sign)
    {
        _passages += sign;
        Touched++;
        _tokens += sign * terms.Count;
        foreach (var term in terms.Distinct(StringComparer.Ordinal))
        {
            _perTerm[term] = _perTerm.GetValueOrDefault(term) + sign;
        }
    }

    /// <summary>Deletes the articles matching a condition on `articles`, their passages (counted out) and vectors; returns how many articles.</summary>
    public async Task<int> DeleteArticlesAsync(
        NpgsqlConnection connection, NpgsqlTransaction tx, string where, Action<NpgsqlParameterCollection> parameters, CancellationToken cancellationToken)
    {
        await using (var passages = new NpgsqlCommand($"DELETE FROM passages WHERE article_id IN (SELECT id FROM articles WHERE {where}) RETURNING terms", connection, tx))
        {
            parameters(passages.Parameters);
            await using var reader = await passages.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) Remove(Split(reader.GetString(0)));
        }
        await using var articles = new NpgsqlCommand($"DELETE FROM articles WHERE {where}", connection, tx);
        parameters(articles.Parameters);
        return await articles.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Deletes one article's passages (counted out), keeping the article row.</summary>
    public async Task DeletePassagesAsync(NpgsqlConnection connection, NpgsqlTransaction tx, long articleId, CancellationToken cancellationToken)
    {
        await using var cmd = new NpgsqlCommand("DELETE FROM passages WHERE article_id = @a RETURNING terms", connection, tx);
        cmd.Parameters.AddWithValue("a", articleId);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) Remove(Split(reader.GetString(0)));
    }

    public static string[] Split(string terms) => terms.Length == 0 ? [] : terms.Split(' ');

    /// <summary>Applies the counts, moves the generation on and announces it; returns the new generation.</summary>
    public async Task<long> ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction tx, CancellationToken cancellationToken)
    {
        var changed = _perTerm.Where(kv => kv.Value != 0).OrderBy(kv => kv.Key, StringComparer.Ordinal).ToList();
        await using (var vocabulary = new NpgsqlCommand("""
            INSERT INTO vocabulary(term, passages) SELECT * FROM unnest(@terms::text[], @deltas::bigint[])
            ON CONFLICT(term) DO UPDATE SET passages = vocabulary.passages + excluded.passages;
            DELETE FROM vocabulary WHERE term = ANY(@terms) AND passages <= 0;
            """, connection, tx))
        {
            vocabulary.Parameters.Add(new NpgsqlParameter("terms", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = changed.Select(kv => kv.Key).ToArray() });
            vocabulary.Parameters.Add(new NpgsqlParameter("deltas", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = changed.Select(kv => kv.Value).ToArray() });
            await vocabulary.ExecuteNonQueryAsync(cancellationToken);
        }
        long generation;
        await using (var totals = new NpgsqlCommand(
            "UPDATE index_state SET passages = passages + @p, tokens = tokens + @t, generation = generation + 1 RETURNING generation", connection, tx))
        {
            totals.Parameters.AddWithValue("p", _passages);
            totals.Parameters.AddWithValue("t", _tokens);
            generation = Convert.ToInt64(await totals.ExecuteScalarAsync(cancellationToken));
        }
        await using (var notify = new NpgsqlCommand($"SELECT pg_notify('{PostgresSchema.ChangeChannel}', @g)", connection, tx))
        {
            notify.Parameters.AddWithValue("g", generation.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await notify.ExecuteNonQueryAsync(cancellationToken);
        }
        _perTerm.Clear();
        _passages = _tokens = 0;
        return generation;
    }
}
