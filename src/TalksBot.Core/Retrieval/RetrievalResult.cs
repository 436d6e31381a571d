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
    /// <summary>The question's focus: the concepts a grounding passage must hold.</summary>
    public IReadOnlyList<FocusTerm> Focus { get; init; } = [];

    /// <summary>Why the question was judged covered or not (for `ask --json` and the logs).</summary>
    public Grounding? Grounding { get; init; }

    /// <summary>Set for a question about change over time: the answer reads in date order, each anchor's part included.</summary>
    public TimelineQuestion? Timeline { get; init; }
}
