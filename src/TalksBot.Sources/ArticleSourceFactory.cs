using TalksBot.Core.Sources;
using TalksBot.Sources.Folders;

namespace TalksBot.Sources;

/// <summary>Makes a source from a configured location: a folder path, or an http(s) feed or page URL.</summary>
public sealed class ArticleSourceFactory : IArticleSourceFactory
{
    public IArticleSource Create(string location, string? kind = null)
    {
        if (string.IsNullOrWhiteSpace(location)) throw new ArgumentException("a source location is empty");
        location = location.Trim();
        if (Uri.TryCreate(location, UriKind.Absolute, out var uri) && !uri.IsFile)
        {
            throw new ArgumentException($"{location}: web sources (feeds and article URLs) are not available in this build yet; use a folder");
        }
        if (kind is not null && kind != "folder") throw new ArgumentException($"{location} is a local path, which can only be a folder source (not '{kind}')");
        return new FolderSource(uri?.IsFile == true ? uri.LocalPath : location);
    }
}
