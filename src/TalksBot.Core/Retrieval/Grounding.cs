namespace TalksBot.Core.Retrieval;

/// <summary>
/// Why a question was judged covered or not: the focus terms the grounding passages hold and miss, words found nowhere
/// in the index, spelling corrections made, the best semantic similarity, and in words why it was refused.
/// </summary>
public sealed record Grounding(
    bool Covered,
    string? Reason,
    IReadOnlyList<string> HeldFocus,
    IReadOnlyList<string> MissingFocus,
    IReadOnlyList<string> UnknownWords,
    IReadOnlyDictionary<string, string> Corrections,
    double? Similarity)
{
    public static Grounding NotCovered(string reason, IReadOnlyList<string>? unknown = null, IReadOnlyDictionary<string, string>? corrections = null) =>
        new(false, reason, [], [], unknown ?? [], corrections ?? new Dictionary<string, string>(), null);
}
