namespace TalksBot.Core.Indexing;

/// <summary>A passage to store: its place in the article, its verbatim text, and the analyzed terms it is found by.</summary>
public sealed record IndexedPassage(int Position, string Text, IReadOnlyList<string> Terms)
{
    /// <summary>
    /// The terms as one text, separated by spaces, as the full-text indexes take them. Made with the passage, where
    /// the refresh prepares articles in parallel, rather than by the one writer storing them.
    /// </summary>
    public string TermText { get; } = string.Join(' ', Terms);
}
