namespace TalksBot.Core.Indexing;

/// <summary>A passage to store: its place in the article, its verbatim text, and the analyzed terms it is found by.</summary>
public sealed record IndexedPassage
{
    public IndexedPassage(int position, string text, IReadOnlyList<string> terms)
    {
        Position = position;
        Text = text;
        Terms = terms;
    }

    public int Position { get; init; }

    public string Text { get; init; }

    public IReadOnlyList<string> Terms
    {
        get;
        // Set with the terms, also by a `with`, so the two never disagree.
        init
        {
            field = value;
            TermText = string.Join(' ', value);
        }
    }

    /// <summary>
    /// The terms as one text, separated by spaces, as the full-text indexes take them. Made with the passage, where
    /// the refresh prepares articles in parallel, rather than by the one writer storing them.
    /// </summary>
    public string TermText { get; private init; } = "";
}
