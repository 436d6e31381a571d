namespace TalksBot.Core.Retrieval;

/// <summary>
/// What a question is about, ready to hold passages against: its focus terms (after spelling correction, with
/// paraphrases), the phrases whose words belong together, the words found nowhere in the index (and which of them are
/// names), the corrections made, and its most specific word.
/// </summary>
public sealed record QuestionFocus(
    IReadOnlyList<FocusTerm> Terms,
    IReadOnlyList<FocusPhrase> Phrases,
    IReadOnlyList<string> Unknown,
    IReadOnlyList<string> UnknownNames,
    IReadOnlyDictionary<string, string> Corrections,
    FocusTerm? MostSpecific)
{
    public double TotalWeight { get; } = Terms.Sum(t => t.Weight);

    /// <summary>Each paraphrase with the focus term it stands for (the first, when two claim it).</summary>
    public IReadOnlyDictionary<string, string> AlternativeOf { get; } = Terms
        .SelectMany(t => t.Alternatives.Where(a => Terms.All(o => o.Term != a)).Select(a => (Alternative: a, t.Term)))
        .DistinctBy(p => p.Alternative).ToDictionary(p => p.Alternative, p => p.Term, StringComparer.Ordinal);

    /// <summary>
    /// First names of the people the question names in full ("Andrew" of "pastor Andrew Moroz"): a report names a person
    /// in full once and by surname after, so a passage holding the surname holds the person.
    /// </summary>
    public IReadOnlySet<string> GivenNames { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The terms of each phrase the question quotes (<see cref="QuestionQuotes"/>): a headline's words, perhaps.</summary>
    public IReadOnlyList<IReadOnlyList<string>> QuotedTerms { get; init; } = [];

    /// <summary>Passage counts of every focus term and alternative, and of the index: what the weights came from.</summary>
    public TalksBot.Core.Indexing.TermStatistics Statistics { get; init; } = new(0, new Dictionary<string, long>());
}
