namespace TalksBot.Core.Sources;

/// <summary>Turns a configured location (folder path, feed URL, page URL) into a source that can be scanned.</summary>
public interface IArticleSourceFactory
{
    /// <param name="kind">"folder", "feed" or "page" when given explicitly; null to detect.</param>
    IArticleSource Create(string location, string? kind = null);
}
