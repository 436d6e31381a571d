namespace TalksBot.Core.Indexing;

/// <summary>A passage to store: its place in the article, its verbatim text, and the analyzed terms it is found by.</summary>
public sealed record IndexedPassage(int Position, string Text, IReadOnlyList<string> Terms);
