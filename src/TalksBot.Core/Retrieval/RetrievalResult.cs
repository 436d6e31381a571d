namespace TalksBot.Core.Retrieval;

/// <summary>
/// The passages retrieved for a question (best first), the weight of each question term, and whether the best
/// passage is relevant enough to answer from at all.
/// </summary>
public sealed record RetrievalResult(
    QueryAnalysis Query,
    IReadOnlyList<RetrievedPassage> Passages,
    IReadOnlyDictionary<string, double> TermWeights,
    bool Covered);
