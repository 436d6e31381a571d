namespace TalksBot.Core.Retrieval;

/// <summary>
/// How much of a question's focus a passage (or a passage window) holds: a factor per focus term (1 for the word
/// itself, less for a paraphrase or a neighbour's) and the phrases found whole.
/// </summary>
public sealed class FocusHold(IReadOnlyDictionary<string, double> factors, IReadOnlySet<FocusPhrase> phrases)
{
    public double Factor(string term) => factors.GetValueOrDefault(term);

    public bool HasPhrase(FocusPhrase phrase) => phrases.Contains(phrase);

    public HashSet<string> HeldTerms(QuestionFocus focus) =>
        focus.Terms.Where(f => Factor(f.Term) > 0).Select(f => f.Term).ToHashSet(StringComparer.Ordinal);

    /// <summary>This passage with the ones before and after it: each term at its best, a neighbour's counting <paramref name="neighborWeight"/>.</summary>
    public FocusHold Combine(FocusHold? before, FocusHold? after, double neighborWeight)
    {
        if (before is null && after is null) return this;
        var combined = new Dictionary<string, double>(factors, StringComparer.Ordinal);
        var allPhrases = new HashSet<FocusPhrase>(phrases);
        foreach (var n in new[] { before, after })
        {
            if (n is null) continue;
            foreach (var (term, factor) in n.Factors) combined[term] = Math.Max(combined.GetValueOrDefault(term), factor * neighborWeight);
            allPhrases.UnionWith(n.Phrases);
        }
        return new FocusHold(combined, allPhrases);
    }

    private IReadOnlyDictionary<string, double> Factors => factors;

    private IReadOnlySet<FocusPhrase> Phrases => phrases;

    /// <summary>True when the phrase's terms occur in order, each within the phrase's gap of the one before.</summary>
    public static bool Contains(IReadOnlyList<string> terms, FocusPhrase phrase)
    {
        for (int i = 0; i < terms.Count; i++)
        {
            if (terms[i] != phrase.Terms[0]) continue;
            if (Follows(terms, i, phrase, 1)) return true;
        }
        // A possessive reads either way round: "Ukraine's ambassador" or "the ambassador of Ukraine".
        if (!phrase.IsName && phrase.Terms.Count == 2)
        {
            // Read backwards the role comes first and the possessor right after it ("prime minister of Ukraine"), not
            // anywhere later ("Prime Minister Sánchez was in Kyiv").
            var reversed = phrase with { Terms = [phrase.Terms[1], phrase.Terms[0]], MaxGap = Math.Min(phrase.MaxGap, 2) };
            for (int i = 0; i < terms.Count; i++)
            {
                if (terms[i] == reversed.Terms[0] && Follows(terms, i, reversed, 1)) return true;
            }
        }
        return false;
    }

    private static bool Follows(IReadOnlyList<string> terms, int at, FocusPhrase phrase, int next)
    {
        if (next == phrase.Terms.Count) return true;
        for (int j = at + 1; j <= Math.Min(terms.Count - 1, at + phrase.MaxGap); j++)
        {
            if (terms[j] == phrase.Terms[next] && Follows(terms, j, phrase, next + 1)) return true;
        }
        return false;
    }
}
