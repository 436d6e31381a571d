using TalksBot.Core.Articles;
using TalksBot.Core.Sources;
using TalksBot.Sources.Parsing;

namespace TalksBot.Sources;

/// <summary>What would be indexed from one document, for `extract`: a local file, or an article URL.</summary>
public sealed class SingleArticleExtractor
{
    public async Task<ArticleDocument> ExtractAsync(string location, CancellationToken cancellationToken)
    {
        if (Uri.TryCreate(location, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            throw new ArgumentException($"{location}: fetching article URLs is not available in this build yet; save the page and pass the file");
        }
        var path = Path.GetFullPath(location);
        if (!File.Exists(path)) throw new FileNotFoundException($"file not found: {path}", path);
        var item = ArticleFileReader.Read(path, await File.ReadAllBytesAsync(path, cancellationToken), null);
        return item switch
        {
            ArticleFound found => found.Article,
            ArticleSkipped skipped => throw new InvalidOperationException($"{path} would be skipped: {skipped.Reason}"),
            _ => throw new InvalidOperationException($"{path} can't be read"),
        };
    }
}
