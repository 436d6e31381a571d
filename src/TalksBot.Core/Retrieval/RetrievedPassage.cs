using TalksBot.Core.Indexing;

namespace TalksBot.Core.Retrieval;

/// <summary>
/// A passage chosen for a question, with the scores that chose it: the index's text score (bm25, higher is better),
/// its vector similarity when embeddings are on, the share of the question's weighted terms it contains, and the final score.
/// </summary>
public sealed record RetrievedPassage(PassageHit Hit, double TextScore, double? VectorScore, double Coverage, double Score)
{
    public ArticleInfo Article => Hit.Article;
    public string Text => Hit.Text;

    /// <summary>Brought in beside a chosen passage of the same article because it holds words that answer.</summary>
    public bool IsNeighbor { get; init; }

    /// <summary>The focus terms this passage holds (itself, not its neighbours).</summary>
    public IReadOnlyList<string> HeldFocus { get; init; } = [];

    /// <summary>For a timeline question, which of its anchors this passage was found for (-1: the whole question).</summary>
    public int Anchor { get; init; } = -1;
}
