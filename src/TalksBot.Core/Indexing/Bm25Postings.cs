namespace TalksBot.Core.Indexing;

/// <summary>
/// bm25 as FTS5 computes it (k1 = 1.2, b = 0.75, idf = ln((N − n + 0.5) / (n + 0.5)) floored at 1e-6, a term given twice
/// counted twice), over term postings a store holds in process. Scoring thousands of passages here takes a fraction of
/// a millisecond where FTS5's bm25() (a size lookup and a position-list walk per matching row, ~1.5 µs) or a SQL
/// aggregate (~25 µs) takes tens: what a long-running bot pays for every question whose rarest word is common.
/// Shared by the stores so they rank alike; each keeps one per index generation and reads the postings its own way.
/// </summary>
public sealed class Bm25Postings
{
    private readonly long[] _ids;
    private readonly int[] _lengths;
    private readonly double _passages;
    private readonly double _averageLength;

    /// <param name="ids">Every passage's id, ascending: a posting's row indexes it, so row order is id order.</param>
    /// <param name="lengths">Each passage's length in terms, by row.</param>
    /// <param name="passages">N of the idf (normally the number of rows).</param>
    /// <param name="tokens">All passages' terms together: the average length is this over <paramref name="passages"/>.</param>
    public Bm25Postings(long[] ids, int[] lengths, long passages, long tokens)
    {
        if (ids.Length != lengths.Length) throw new ArgumentException("One length per passage id is needed.", nameof(lengths));
        _ids = ids;
        _lengths = lengths;
        _passages = passages;
        _averageLength = passages > 0 ? (double)tokens / passages : 1;
    }

    /// <summary>The passages that have rows.</summary>
    public int Count => _ids.Length;

    /// <summary>The row of a passage id, or −1 when it has none.</summary>
    public int RowOf(long passageId)
    {
        int at = Array.BinarySearch(_ids, passageId);
        return at >= 0 ? at : -1;
    }

    /// <summary>
    /// The top <paramref name="limit"/> passages holding all (or any) of <paramref name="terms"/>, best first, ties by
    /// passage id: (passage id, score). <paramref name="postingsOf"/> gives a term's postings in row order, or null when
    /// no passage holds it; a term's passage count (the n of its idf) is its postings' length.
    /// </summary>
    public IReadOnlyList<(long PassageId, double Score)> Search(
        IReadOnlyList<string> terms, Func<string, TermPosting[]?> postingsOf, int limit, bool requireAll)
    {
        var given = terms.Where(t => t.Length > 0).ToList();
        if (given.Count == 0 || limit <= 0) return [];
        // Each distinct term's weight: its idf times how many times it was given.
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        var lists = new Dictionary<string, TermPosting[]>(StringComparer.Ordinal);
        foreach (var term in given)
        {
            if (lists.TryGetValue(term, out var known))
            {
                weights[term] += Idf(known.Length);
                continue;
            }
            var list = postingsOf(term);
            if (list is null || list.Length == 0)
            {
                if (requireAll) return [];
                continue;
            }
            lists[term] = list;
            weights[term] = Idf(list.Length);
        }
        if (lists.Count == 0) return [];
        var weighted = lists.Select(kv => (Weight: weights[kv.Key], List: kv.Value)).ToList();

        var scores = new Dictionary<int, double>();
        if (requireAll)
        {
            // Walk the rarest list; keep a passage only when every other list holds it too (binary search: the lists
            // are in row order and the rarest is short next to the others).
            weighted.Sort((a, b) => a.List.Length.CompareTo(b.List.Length));
            var (rarestWeight, rarest) = weighted[0];
            foreach (var posting in rarest)
            {
                double score = Term(rarestWeight, posting);
                bool all = true;
                for (int k = 1; k < weighted.Count && all; k++)
                {
                    int at = Find(weighted[k].List, posting.Row);
                    if (at < 0) all = false;
                    else score += Term(weighted[k].Weight, weighted[k].List[at]);
                }
                if (all) scores[posting.Row] = score;
            }
        }
        else
        {
            foreach (var (weight, list) in weighted)
            {
                foreach (var posting in list)
                {
                    ref var score = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(scores, posting.Row, out _);
                    score += Term(weight, posting);
                }
            }
        }
        return Top(scores, limit);
    }

    private double Idf(long holding)
    {
        double idf = Math.Log((_passages - holding + 0.5) / (holding + 0.5));
        return idf > 0 ? idf : 1e-6;
    }

    private double Term(double weight, TermPosting posting)
    {
        double tf = posting.Frequency;
        return weight * tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * _lengths[posting.Row] / _averageLength));
    }

    /// <summary>The best <paramref name="limit"/> by score, then by row (row order is id order), without sorting them all.</summary>
    private List<(long PassageId, double Score)> Top(Dictionary<int, double> scores, int limit)
    {
        // A min-heap of the best so far: its root is the worst kept (lowest score, then highest row).
        var heap = new PriorityQueue<int, (double Score, int Row)>(limit + 1, WorstFirst.Instance);
        foreach (var (row, score) in scores)
        {
            if (heap.Count < limit) heap.Enqueue(row, (score, row));
            else if (heap.TryPeek(out _, out var worst) && WorstFirst.Instance.Compare((score, row), worst) > 0)
            {
                heap.DequeueEnqueue(row, (score, row));
            }
        }
        var best = new List<(long PassageId, double Score)>(heap.Count);
        while (heap.TryDequeue(out int row, out var key)) best.Add((_ids[row], key.Score));
        best.Reverse();
        return best;
    }

    private static int Find(TermPosting[] list, int row)
    {
        int lo = 0, hi = list.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            int r = list[mid].Row;
            if (r == row) return mid;
            if (r < row) lo = mid + 1;
            else hi = mid - 1;
        }
        return -1;
    }

    /// <summary>Orders (score, row) worst first: lower score, then higher row (a later passage loses a tie).</summary>
    private sealed class WorstFirst : IComparer<(double Score, int Row)>
    {
        public static readonly WorstFirst Instance = new();

        public int Compare((double Score, int Row) x, (double Score, int Row) y)
        {
            int byScore = x.Score.CompareTo(y.Score);
            return byScore != 0 ? byScore : y.Row.CompareTo(x.Row);
        }
    }
}
