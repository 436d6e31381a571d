namespace TalksBot.Core.Retrieval;

/// <summary>
/// Corrects a question word found nowhere in the index against the index's own vocabulary, weighted by how often each
/// candidate occurs: first every spelling one edit from the word as typed ("ceasfire" → "ceasefire", "ukriane" →
/// "ukraine", "guarntee" → "guarantee"), then an indexed term at most two edits from the word's term (one for short
/// or capitalised words). A word with nothing near it ("tungsten" in a corpus about the war) stays unknown.
/// </summary>
public sealed class SpellingCorrector(TextAnalyzer analyzer)
{
    private const string Letters = "abcdefghijklmnopqrstuvwxyz";
    private readonly object _lock = new();
    private IReadOnlyDictionary<string, long>? _source;
    private Dictionary<int, List<(string Term, long Documents)>> _byLength = new();

    /// <summary>True when a short unknown word is one edit from a stop word ("wher", "whta"): it is that stop word.</summary>
    public bool IsMisspeltStopWord(string word)
    {
        if (word.Length < 3 || word.Length > 6) return false;
        foreach (var edit in Edits(word))
        {
            if (edit.Length >= 3 && analyzer.IsStopWord(edit)) return true;
        }
        return false;
    }

    /// <summary>The indexed term <paramref name="word"/> (lower case, as typed) most likely stands for, or null.</summary>
    /// <param name="strict">For names: one edit at most.</param>
    public string? Correct(string word, IReadOnlyDictionary<string, long> vocabulary, bool strict = false)
    {
        if (word.Length < 4 || word.Any(char.IsDigit)) return null;
        string? best = null;
        long bestDocuments = 0;
        foreach (var edit in Edits(word))
        {
            var term = analyzer.Term(edit);
            if (term is null || !vocabulary.TryGetValue(term, out var documents) || documents <= bestDocuments) continue;
            best = term;
            bestDocuments = documents;
        }
        if (best is not null) return best;
        // "carmakers" in an index that writes "car makers": a word of two indexed words is its last, the thing it names
        // (a maker), not a look-alike two edits off ("creak").
        if (!strict && Head(word, vocabulary) is { } head) return head;

        var typed = analyzer.Term(word);
        if (typed is null || typed.Length < 4) return null;
        int maxDistance = strict || typed.Length < 6 ? 1 : 2;
        var byLength = Buckets(vocabulary);
        int bestDistance = int.MaxValue;
        for (int length = typed.Length - maxDistance; length <= typed.Length + maxDistance; length++)
        {
            if (!byLength.TryGetValue(length, out var bucket)) continue;
            foreach (var (candidate, documents) in bucket)
            {
                int distance = Distance(typed, candidate, Math.Min(maxDistance, bestDistance));
                if (distance > maxDistance) continue;
                // Two edits that change how the word starts make another word ("warheads" is not "ahead"): a typo
                // keeps the first letter.
                if (distance == 2 && candidate[0] != typed[0]) continue;
                // Nearest first; among equals the more frequent term, and one that starts like the word typed.
                bool better = distance < bestDistance || distance == bestDistance && Rank(candidate, documents, typed) > Rank(best!, bestDocuments, typed);
                if (!better) continue;
                best = candidate;
                bestDistance = distance;
                bestDocuments = documents;
            }
        }
        return best;
    }

    /// <summary>The indexed term of the last part of a word written from two indexed words, or null.</summary>
    private string? Head(string word, IReadOnlyDictionary<string, long> vocabulary)
    {
        string? head = null;
        long support = 0;
        for (int split = MinCompoundPart; split <= word.Length - MinCompoundPart; split++)
        {
            var first = word[..split];
            // "chairmanship" is a chairman's office, no ship: a suffix makes a word of another kind, not a compound.
            if (DerivingEndings.Contains(word[split..])) continue;
            if (analyzer.IsStopWord(first) || analyzer.Term(first) is not { } firstTerm || analyzer.Term(word[split..]) is not { } lastTerm) continue;
            if (!vocabulary.TryGetValue(firstTerm, out var firstDocuments) || !vocabulary.TryGetValue(lastTerm, out var lastDocuments)) continue;
            // Of the ways to split it, the one whose rarer part the index holds most often: "car|makers", not "carm|akers".
            long weaker = Math.Min(firstDocuments, lastDocuments);
            if (weaker <= support) continue;
            head = lastTerm;
            support = weaker;
        }
        return head;
    }

    private const int MinCompoundPart = 3;

    private static readonly HashSet<string> DerivingEndings = new(StringComparer.Ordinal)
    {
        "ship", "ships", "hood", "hoods", "dom", "doms", "ness", "ment", "ments", "less", "ful", "wise", "like", "ward", "wards",
        "able", "ism", "isms", "ist", "ists", "man", "men", "ing", "ings", "ers", "est", "ity", "ise", "ize", "ised", "ized",
    };

    private static double Rank(string candidate, long documents, string typed) =>
        Math.Log(1 + documents) + (candidate[0] == typed[0] ? 2 : 0);

    /// <summary>Every string one deletion, transposition, substitution or insertion of a letter away.</summary>
    private static IEnumerable<string> Edits(string word)
    {
        for (int i = 0; i < word.Length; i++) yield return word.Remove(i, 1);
        for (int i = 0; i + 1 < word.Length; i++)
        {
            if (word[i] == word[i + 1]) continue;
            var chars = word.ToCharArray();
            (chars[i], chars[i + 1]) = (chars[i + 1], chars[i]);
            yield return new string(chars);
        }
        for (int i = 0; i < word.Length; i++)
        {
            foreach (var c in Letters)
            {
                if (c != word[i]) yield return string.Concat(word.AsSpan(0, i), c.ToString(), word.AsSpan(i + 1));
            }
        }
        for (int i = 0; i <= word.Length; i++)
        {
            foreach (var c in Letters) yield return word.Insert(i, c.ToString());
        }
    }

    private Dictionary<int, List<(string, long)>> Buckets(IReadOnlyDictionary<string, long> vocabulary)
    {
        lock (_lock)
        {
            if (ReferenceEquals(_source, vocabulary)) return _byLength;
            var buckets = new Dictionary<int, List<(string, long)>>();
            foreach (var (term, documents) in vocabulary)
            {
                if (term.Any(char.IsDigit)) continue;
                if (!buckets.TryGetValue(term.Length, out var list)) buckets[term.Length] = list = [];
                list.Add((term, documents));
            }
            _byLength = buckets;
            _source = vocabulary;
            return buckets;
        }
    }

    /// <summary>Optimal string alignment distance (a transposition is one edit), giving up past <paramref name="limit"/>.</summary>
    public static int Distance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit) return limit + 1;
        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) previous[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                int value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) value = Math.Min(value, previous2[j - 2] + 1);
                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }
            if (rowMin > limit) return limit + 1;
            (previous2, previous, current) = (previous, current, previous2);
        }
        return previous[b.Length];
    }
}
