using TalksBot.Core.Articles;

namespace TalksBot.Sources.Html;

/// <summary>An article read from a web page, with the canonical link the page declares (if any).</summary>
public sealed record ExtractedPage(ArticleDocument Article, string? CanonicalUrl);
