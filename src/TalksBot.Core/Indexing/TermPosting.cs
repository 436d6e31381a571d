namespace TalksBot.Core.Indexing;

/// <summary>One passage holding a term: the passage's row in a <see cref="Bm25Postings"/> and how often it holds the term.</summary>
public readonly record struct TermPosting(int Row, int Frequency);
