namespace TalksBot.Core.Retrieval;

/// <summary>
/// The passages retrieved for a question (best first), the weight of each question term, and whether the best
/// passage is relevant enough to answer from at all.
/// </summary>
public sealed record RetrievalResult(
    QueryAnalysis Query,
    IReadOnlyList<RetrievedPassage> Passages,
    IReadOnlyDictionary<string, double> TermWeights,
    bool Covered)
{
    /// <summary>
    /// How close in meaning each sentence of the chosen passages is to the question (cosine of the embedding model),
    /// by sentence text; empty without embeddings. The extractive answer weighs it in choosing what to quote.
    /// </summary>
    public IReadOnlyDictionary<string, double> SentenceSimilarity { get; init; } = new Dictionary<string, double>();

    /// <summary>
    /// The sentence that grounded a question whose words the passages hold too little of: it answers the asked type and
    /// means what the question asks. The extractive answer quotes it first. Null when the words alone grounded it.
    /// </summary>
    public string? GroundingSentence { get; init; }

    /// <summary>
    /// For a how-many / how-much question, the sentences of the chosen passages that give the number asked for where it
    /// answers: next to the question's words, told with its setting, counting what it counts (as grounding checks them).
    /// Empty for other questions. The extractive answer prefers them.
    /// </summary>
    public IReadOnlySet<string> AnswerSentences { get; init; } = new HashSet<string>();

    /// <summary>The question's focus: the concepts a grounding passage must hold.</summary>
    public IReadOnlyList<FocusTerm> Focus { get; init; } = [];

    /// <summary>Focus terms that belong together: names of several words and possessives ("Iran's foreign minister").</summary>
    public IReadOnlyList<FocusPhrase> Phrases { get; init; } = [];

    /// <summary>Why the question was judged covered or not (for `ask --json` and the logs).</summary>
    public Grounding? Grounding { get; init; }

    /// <summary>Set for a question about change over time: the answer reads in date order, each anchor's part included.</summary>
    public TimelineQuestion? Timeline { get; init; }
}
