namespace TalksBot.Core.Indexing;

/// <summary>A passage returned by a search, with its raw score from the index (higher is better).</summary>
public sealed record PassageHit(long PassageId, int Position, string Text, ArticleInfo Article, double Score);
