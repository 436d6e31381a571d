using TalksBot.Core.Sources;
using TalksBot.Sources.Folders;
using TalksBot.Sources.Web;

namespace TalksBot.Sources;

/// <summary>Makes a source from a configured location: a folder path, or an http(s) feed or article URL.</summary>
public sealed class ArticleSourceFactory(PageFetcher fetcher) : IArticleSourceFactory
{
    public IArticleSource Create(string location, string? kind = null)
    {
        if (string.IsNullOrWhiteSpace(location)) throw new ArgumentException("a source location is empty");
        location = location.Trim();
        if (kind is not (null or "folder" or "feed" or "page")) throw new ArgumentException($"unknown source kind '{kind}' (folder, feed or page)");
        if (Uri.TryCreate(location, UriKind.Absolute, out var uri) && !uri.IsFile)
        {
            if (kind == "folder") throw new ArgumentException($"{location} is a URL, not a folder");
            if (fetcher.Refusal(uri) is { } refusal) throw new ArgumentException(refusal);
            return new WebSource(uri, kind, fetcher);
        }
        if (kind is "feed" or "page") throw new ArgumentException($"{location} is a local path; a {kind} source needs an http(s) URL");
        return new FolderSource(uri?.IsFile == true ? uri.LocalPath : location);
    }
}
