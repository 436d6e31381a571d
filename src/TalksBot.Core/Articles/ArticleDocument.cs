namespace TalksBot.Core.Articles;

/// <summary>
/// One article as a source yields it: metadata plus clean body text, before it is split into passages.
/// </summary>
/// <param name="Title">Headline, without site decoration.</param>
/// <param name="Outlet">The publisher ("BBC", "Reuters"); empty when unknown.</param>
/// <param name="Published">Publication date when the article states one.</param>
/// <param name="Url">Canonical link to the original, when known.</param>
/// <param name="Body">Clean main text; paragraphs separated by blank lines.</param>
public sealed record ArticleDocument(string Title, string Outlet, DateOnly? Published, string? Url, string Body)
{
    /// <summary>Author line when the page declares one.</summary>
    public string? Byline { get; init; }
}
