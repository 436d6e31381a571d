namespace TalksBot.Core.Retrieval;

/// <summary>
/// What a question is about, one concept at a time: its index term, how much it weighs (rarer terms weigh more; places
/// keep a minimum), whether it names something (a passage must then hold it), the paraphrases that also count for it,
/// and the word typed when the term is a spelling correction.
/// </summary>
public sealed record FocusTerm(string Term, double Weight, bool IsName, IReadOnlyList<string> Alternatives, string? CorrectedFrom = null)
{
    /// <summary>True for a concept that a phrase of the question stands for ("by when" → deadline) rather than a word typed.</summary>
    public bool FromParaphrase { get; init; }

    /// <summary>
    /// A name the question gives as the setting ("… in Geneva", "at the Kremlin"): an article states it once, near the
    /// top, so the sentences that answer need not repeat it as long as the passage window holds it.
    /// </summary>
    public bool IsSetting { get; init; }

    /// <summary>What each alternative weighs on its own (its idf, at most the term's): a common paraphrase weighs little.</summary>
    public IReadOnlyDictionary<string, double> AlternativeWeights { get; init; } = new Dictionary<string, double>();
}
