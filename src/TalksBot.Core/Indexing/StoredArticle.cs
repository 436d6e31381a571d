namespace TalksBot.Core.Indexing;

/// <summary>What the index remembers of an article from a source, to decide whether a rescan changed it.</summary>
public sealed record StoredArticle(string Origin, string ContentHash, string? Url);
