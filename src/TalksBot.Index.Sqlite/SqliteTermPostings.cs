using Microsoft.Data.Sqlite;
using TalksBot.Core.Indexing;

namespace TalksBot.Index.Sqlite;

/// <summary>
/// What a long-running process scores bm25 with instead of FTS5's bm25() (see <see cref="Bm25Postings"/>): FTS5 scores
/// every passage holding all of a question's words, ~1.5 µs each, and a question whose rarest word is in a quarter of
/// 40,000 passages took 20–30 ms. Read from the FTS5 index itself, lazily: every passage's length once per index
/// generation (FTS5's size table), a term's postings the first time a question uses it (an `instance` fts5vocab over
/// the same index), all in one read snapshot with the generation they are kept under, and dropped when it moves on.
/// A one-shot process would spend more reading than it saves, so only the bot holds them (Index:HoldPostings).
/// </summary>
internal sealed class SqliteTermPostings
{
    /// <summary>Postings kept at most (8 bytes each, ~32 MB); past it the terms of earlier questions are let go.</summary>
    internal const long MaxHeldPostings = 4_000_000;

    private readonly object _lock = new();
    private Held? _held;

    /// <summary>Terms read since the generation began (for tests: a second question over the same words reads none).</summary>
    internal int TermsRead { get; private set; }

    public IReadOnlyList<(long PassageId, double Score)> Search(SqliteConnection connection, IReadOnlyList<string> terms, int limit, bool requireAll)
    {
        using (var create = connection.CreateCommand())
        {
            // Per connection (the temp schema): a reader's view of the FTS5 index, not a table of the index file.
            create.CommandText = "CREATE VIRTUAL TABLE IF NOT EXISTS temp.passages_instances USING fts5vocab(main, 'passages_fts', 'instance')";
            create.ExecuteNonQuery();
        }
        using var snapshot = connection.BeginTransaction(deferred: true);
        long generation = SqliteDatabase.Generation(connection, snapshot);
        Held? held;
        lock (_lock) held = _held?.Generation == generation ? _held : null;
        held ??= LoadSizes(snapshot, generation);

        var lists = new Dictionary<string, TermPosting[]?>(StringComparer.Ordinal);
        var missing = new List<string>();
        lock (_lock)
        {
            foreach (var term in terms.Distinct(StringComparer.Ordinal))
            {
                if (held.Terms.TryGetValue(term, out var list)) lists[term] = list;
                else missing.Add(term);
            }
        }
        foreach (var term in missing) lists[term] = ReadPostings(snapshot, term, held.Scorer);
        lock (_lock)
        {
            TermsRead += missing.Count;
            if (_held is null || _held.Generation < generation) _held = held;
            if (ReferenceEquals(_held, held))
            {
                foreach (var term in missing)
                {
                    if (held.Postings + (lists[term]?.Length ?? 0) > MaxHeldPostings) held.Release();
                    held.Keep(term, lists[term]);
                }
            }
        }
        return held.Scorer.Search(terms, term => lists.GetValueOrDefault(term), limit, requireAll);
    }

    /// <summary>Every passage's length in terms, from FTS5's size table (one varint per column; the table has one).</summary>
    private static Held LoadSizes(SqliteTransaction snapshot, long generation)
    {
        var ids = new List<long>();
        var lengths = new List<int>();
        long tokens = 0;
        using (var cmd = SqliteDatabase.Command(snapshot, "SELECT id, sz FROM passages_fts_docsize ORDER BY id"))
        using (var reader = cmd.ExecuteReader())
        {
            while (reader.Read())
            {
                int length = (int)Varint((byte[])reader.GetValue(1));
                ids.Add(reader.GetInt64(0));
                lengths.Add(length);
                tokens += length;
            }
        }
        return new Held(generation, new Bm25Postings(ids.ToArray(), lengths.ToArray(), ids.Count, tokens));
    }

    /// <summary>SQLite's varint (big-endian groups of 7 bits, high bit set on all but the last; a 9th byte gives 8 bits).</summary>
    internal static long Varint(ReadOnlySpan<byte> bytes)
    {
        long value = 0;
        for (int i = 0; i < bytes.Length && i < 9; i++)
        {
            if (i == 8) return (value << 8) | bytes[i];
            value = (value << 7) | (bytes[i] & 0x7fL);
            if ((bytes[i] & 0x80) == 0) break;
        }
        return value;
    }

    /// <summary>The passages holding a term and how often each does, in row order; null when none does.</summary>
    private static TermPosting[]? ReadPostings(SqliteTransaction snapshot, string term, Bm25Postings scorer)
    {
        var postings = new List<TermPosting>();
        using (var cmd = SqliteDatabase.Command(snapshot, "SELECT doc, count(*) FROM temp.passages_instances WHERE term = $t GROUP BY doc"))
        {
            cmd.Parameters.AddWithValue("$t", term);
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
            {
                int row = scorer.RowOf(reader.GetInt64(0));
                if (row >= 0) postings.Add(new TermPosting(row, reader.GetInt32(1)));
            }
        }
        if (postings.Count == 0) return null;
        postings.Sort((a, b) => a.Row.CompareTo(b.Row));
        return postings.ToArray();
    }

    /// <summary>One generation's lengths and the postings read for it so far.</summary>
    private sealed class Held(long generation, Bm25Postings scorer)
    {
        public long Generation { get; } = generation;
        public Bm25Postings Scorer { get; } = scorer;
        public Dictionary<string, TermPosting[]?> Terms { get; } = new(StringComparer.Ordinal);
        public long Postings { get; private set; }

        public void Keep(string term, TermPosting[]? list)
        {
            if (Terms.TryAdd(term, list)) Postings += list?.Length ?? 0;
        }

        public void Release()
        {
            Terms.Clear();
            Postings = 0;
        }
    }
}
