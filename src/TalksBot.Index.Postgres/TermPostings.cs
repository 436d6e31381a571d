using Npgsql;
using TalksBot.Core.Indexing;

namespace TalksBot.Index.Postgres;

/// <summary>
/// The passages' analyzed terms as an inverted list held in process, scored with the same bm25 the SQL query computed
/// (FTS5's formula from the stored counts: k1 = 1.2, b = 0.75, idf floor 1e-6). Scoring in SQL detoasted, re-weighted,
/// filtered and unnested every matching passage's tsvector, about 25 µs a passage: a question whose terms were common
/// (thousands of passages holding all of them at 10,000 articles) took hundreds of milliseconds, where this takes one.
/// Like the vectors, one copy per instance, read in one snapshot and kept until the index's generation moves on.
/// </summary>
internal sealed class TermPostings
{
    private readonly Dictionary<string, TermPosting[]> _postings;
    private readonly Bm25Postings _scorer;

    private TermPostings(long generation, Dictionary<string, TermPosting[]> postings, long[] ids, int[] lengths, long passages, long tokens, IReadOnlyDictionary<string, long> documentFrequency)
    {
        Generation = generation;
        _postings = postings;
        _scorer = new Bm25Postings(ids, lengths, passages, tokens);
        Passages = passages;
        DocumentFrequency = documentFrequency;
    }

    public long Generation { get; }

    /// <summary>The passages in the index, as `index_state` counts them.</summary>
    public long Passages { get; }

    /// <summary>Each term's passage count as `vocabulary` holds it (what the SQL query's idf read).</summary>
    public IReadOnlyDictionary<string, long> DocumentFrequency { get; }

    /// <summary>
    /// Reads the totals, the vocabulary and every passage's terms in one repeatable-read snapshot, so the counts and
    /// the postings agree with each other and with the generation they are kept under.
    /// </summary>
    public static async Task<TermPostings> LoadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var tx = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        long generation, passages, tokens;
        await using (var cmd = new NpgsqlCommand("SELECT generation, passages, tokens FROM index_state WHERE id = 1", connection, tx))
        await using (var reader = await cmd.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            (generation, passages, tokens) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
        }
        var df = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (var cmd = new NpgsqlCommand("SELECT term, passages FROM vocabulary", connection, tx))
        await using (var reader = await cmd.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken)) df[reader.GetString(0)] = reader.GetInt64(1);
        }

        var lists = new Dictionary<string, List<TermPosting>>(df.Count, StringComparer.Ordinal);
        var ids = new List<long>();
        var lengths = new List<int>();
        var frequencies = new Dictionary<string, (int Kept, int Distinct)>(StringComparer.Ordinal);
        await using (var cmd = new NpgsqlCommand("SELECT id, term_count, terms FROM passages ORDER BY id", connection, tx))
        await using (var reader = await cmd.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                int row = ids.Count;
                ids.Add(reader.GetInt64(0));
                lengths.Add(reader.GetInt32(1));
                Frequencies(reader.GetString(2), frequencies);
                foreach (var (term, counts) in frequencies)
                {
                    if (!lists.TryGetValue(term, out var list)) lists[term] = list = [];
                    list.Add(new TermPosting(row, counts.Distinct));
                }
            }
        }
        await tx.CommitAsync(cancellationToken);
        var postings = new Dictionary<string, TermPosting[]>(lists.Count, StringComparer.Ordinal);
        foreach (var (term, list) in lists) postings[term] = list.ToArray();
        return new TermPostings(generation, postings, ids.ToArray(), lengths.ToArray(), passages, tokens, df);
    }

    /// <summary>
    /// How often a passage holds each term, counted as its tsvector counts positions
    /// (<see cref="TextSearchLiterals.Vector"/>: the first 256 positions of a term kept, every position past 16383
    /// written as 16383 and so counted once), from the `terms` column the tsvector was written from (the terms joined
    /// by single spaces). <paramref name="into"/> gets (positions kept, distinct positions) per term.
    /// </summary>
    internal static void Frequencies(string terms, Dictionary<string, (int Kept, int Distinct)> into)
    {
        into.Clear();
        var lookup = into.GetAlternateLookup<ReadOnlySpan<char>>();
        var span = terms.AsSpan();
        int position = 0;
        foreach (var range in span.Split(' '))
        {
            var term = span[range];
            position++;
            if (term.Length == 0) continue;
            lookup.TryGetValue(term, out var counts);
            if (counts.Kept >= 256) continue;
            // Positions up to 16383 are distinct; the first one past it is 16383 too, once, and later ones repeat it.
            bool repeats = position >= 16383 && HasFoldedPosition(span, term, position);
            lookup[term] = (counts.Kept + 1, counts.Distinct + (repeats ? 0 : 1));
        }
    }

    /// <summary>Whether <paramref name="term"/> already came at a position from 16383 on (rare: very long passages).</summary>
    private static bool HasFoldedPosition(ReadOnlySpan<char> terms, ReadOnlySpan<char> term, int before)
    {
        int position = 0;
        foreach (var range in terms.Split(' '))
        {
            position++;
            if (position >= before) return false;
            if (position >= 16383 && terms[range].SequenceEqual(term)) return true;
        }
        return false;
    }

    /// <summary>
    /// The top <paramref name="limit"/> passages holding all (or any) of <paramref name="terms"/> by bm25, best first,
    /// ties by passage id: (passage id, score). A term given twice counts twice, as in FTS5.
    /// </summary>
    public IReadOnlyList<(long PassageId, double Score)> Search(IReadOnlyList<string> terms, int limit, bool requireAll) =>
        _scorer.Search(terms, term => _postings.GetValueOrDefault(term), limit, requireAll);
}
