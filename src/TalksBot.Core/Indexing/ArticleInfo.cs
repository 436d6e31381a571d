namespace TalksBot.Core.Indexing;

/// <summary>What a citation needs to know about the article a passage came from.</summary>
/// <param name="Origin">Where the article was read: a file path or a URL.</param>
public sealed record ArticleInfo(long Id, string Title, string Outlet, DateOnly? Published, string? Url, string Origin);
