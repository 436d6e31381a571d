using TalksBot.Core.Articles;
using TalksBot.Core.Sources;
using TalksBot.Sources.Html;
using TalksBot.Sources.Parsing;
using TalksBot.Sources.Web;

namespace TalksBot.Sources;

/// <summary>What would be indexed from one document, for `extract`: a local file, or an article URL (fetched safely).</summary>
public sealed class SingleArticleExtractor(PageFetcher fetcher)
{
    public async Task<ArticleDocument> ExtractAsync(string location, CancellationToken cancellationToken)
    {
        if (Uri.TryCreate(location, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            FetchResult fetched;
            try
            {
                fetched = await fetcher.FetchAsync(uri, conditional: false, cancellationToken);
            }
            catch (FetchException ex)
            {
                throw new InvalidOperationException(ex.Message, ex);
            }
            if (!ArticleFileReader.TryDecode(fetched.Body!, html: true, out var html, out var why)) throw new InvalidOperationException($"{uri}: {why}");
            ArticleDocument page;
            try
            {
                page = HtmlArticleExtractor.Extract(html, fetched.FinalUrl).Article;
            }
            catch (ArticleFormatException ex)
            {
                throw new InvalidOperationException($"{uri}: {ex.Message}", ex);
            }
            if (string.IsNullOrWhiteSpace(page.Body)) throw new InvalidOperationException($"{uri}: no article text found on the page");
            return page;
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
