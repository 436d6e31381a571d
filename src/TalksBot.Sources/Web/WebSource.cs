using System.Runtime.CompilerServices;
using TalksBot.Core.Articles;
using TalksBot.Core.Sources;
using TalksBot.Sources.Feeds;
using TalksBot.Sources.Html;
using TalksBot.Sources.Parsing;

namespace TalksBot.Sources.Web;

/// <summary>
/// A feed URL or an article URL. Fetched (conditionally: a 304 keeps everything as it is); a feed's items are each
/// fetched and extracted, unless already indexed, falling back to the feed's own title, summary and date when the page
/// can't be had; a page is extracted as one article. The article's URL is its canonical link when the page declares one.
/// </summary>
public sealed class WebSource(Uri url, string? kind, PageFetcher fetcher) : IArticleSource
{
    private const int MinimumWords = 30;
    private const int ItemsInFlight = 8;

    public string Location { get; } = url.ToString();

    public async IAsyncEnumerable<SourceItem> ScanAsync(SourceScanContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        FetchResult fetched;
        try
        {
            context.Fetching?.Invoke(url.ToString());
            fetched = await fetcher.FetchAsync(url, conditional: context.Stored.Count > 0, cancellationToken);
        }
        catch (FetchException ex)
        {
            throw new SourceUnavailableException(ex.Message, ex);
        }
        if (fetched.NotModified)
        {
            foreach (var origin in context.Stored.Keys) yield return new ArticleUnchanged(origin);
            yield break;
        }

        bool isFeed = kind == "feed" || (kind != "page" && LooksLikeFeed(fetched));
        if (!isFeed)
        {
            SourceItem page;
            try
            {
                page = ReadPage(Location, fetched);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                page = new ArticleFailed(Location, $"{url}: the page could not be read ({ex.GetType().Name}: {ex.Message})");
            }
            yield return page;
            yield break;
        }

        FeedDocument feed;
        try
        {
            feed = FeedParser.Parse(fetched.Body!, fetched.FinalUrl);
        }
        catch (FeedFormatException ex)
        {
            throw new SourceUnavailableException($"{url}: {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Whatever else a hostile feed makes the parser throw is this source's error: the other sources refresh.
            throw new SourceUnavailableException($"{url}: the feed could not be read ({ex.GetType().Name}: {ex.Message})", ex);
        }
        // Item pages are fetched a few at a time, in feed order; the fetcher's per-host limit and spacing still hold,
        // so a feed of one site goes no faster than politeness allows while an aggregator's items come in side by side.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var window = new Queue<Task<SourceItem>>();
        using var abandon = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            foreach (var item in feed.Items)
            {
                if (item.Link is null)
                {
                    yield return new ArticleSkipped($"{Location}#{item.Id ?? item.Title}", "feed item has no link");
                    continue;
                }
                if (!seen.Add(item.Link)) continue;
                if (context.IsStored(item.Link))
                {
                    yield return new ArticleUnchanged(item.Link);
                    continue;
                }
                window.Enqueue(ReadItemAsync(feed, item, context, abandon.Token));
                if (window.Count >= ItemsInFlight) yield return await window.Dequeue();
            }
            while (window.Count > 0) yield return await window.Dequeue();
        }
        finally
        {
            // A scan stopped early (cancelled, or the reader gave up) leaves no fetch running behind it.
            abandon.Cancel();
            try { await Task.WhenAll(window); } catch (Exception) { } // abandoned fetches: their outcome no longer matters
        }
    }

    private async Task<SourceItem> ReadItemAsync(FeedDocument feed, FeedItem item, SourceScanContext context, CancellationToken ct)
    {
        string reason;
        var link = new Uri(item.Link!);
        if (fetcher.Refusal(link) is { } refused)
        {
            reason = refused;
        }
        else
        {
            try
            {
                context.Fetching?.Invoke(item.Link!);
                var page = await fetcher.FetchAsync(link, conditional: false, ct);
                var found = ReadPage(item.Link!, page);
                if (found is ArticleFound article)
                {
                    var a = article.Article;
                    return article with
                    {
                        Article = a with
                        {
                            Title = string.IsNullOrWhiteSpace(a.Title) ? item.Title ?? a.Title : a.Title,
                            Outlet = string.IsNullOrWhiteSpace(a.Outlet) ? feed.Title ?? "" : a.Outlet,
                            Published = a.Published ?? item.Published,
                        },
                    };
                }
                reason = ((ArticleSkipped)found).Reason;
            }
            catch (FetchException ex)
            {
                reason = ex.Message;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                reason = $"{item.Link}: the page could not be read ({ex.GetType().Name}: {ex.Message})";
            }
        }
        // The page can't be had: the feed's own text, if it says enough to be worth answering from.
        if (item.Summary is { } summary && PassageSplitter.CountWords(summary) >= 15)
        {
            var article = new ArticleDocument(item.Title ?? summary.Split('\n')[0], feed.Title ?? link.Host, item.Published, item.Link, summary);
            return new ArticleFound(item.Link!, ContentHash.Of($"{item.Title}\n{summary}"), article);
        }
        return new ArticleFailed(item.Link!, reason);
    }

    private static SourceItem ReadPage(string origin, FetchResult fetched)
    {
        if (!ArticleFileReader.TryDecode(fetched.Body!, html: true, out var html, out var why)) return new ArticleSkipped(origin, why);
        ExtractedPage page;
        try
        {
            page = HtmlArticleExtractor.Extract(html, fetched.FinalUrl);
        }
        catch (ArticleFormatException ex)
        {
            return new ArticleSkipped(origin, ex.Message);
        }
        if (PassageSplitter.CountWords(page.Article.Body) < MinimumWords) return new ArticleSkipped(origin, "no article text found on the page");
        return new ArticleFound(origin, ContentHash.Of(fetched.Body!), page.Article);
    }

    internal static bool LooksLikeFeed(FetchResult fetched)
    {
        if (fetched.ContentType is { } type && (type.Contains("rss") || type.Contains("atom") || type.Contains("rdf"))) return true;
        if (fetched.ContentType == "text/html" || fetched.Body is null) return false;
        var head = System.Text.Encoding.UTF8.GetString(fetched.Body, 0, Math.Min(fetched.Body.Length, 2048));
        return (head.Contains("<rss", StringComparison.OrdinalIgnoreCase) || head.Contains("<feed", StringComparison.OrdinalIgnoreCase) || head.Contains("<rdf:RDF", StringComparison.Ordinal))
            && !head.Contains("<html", StringComparison.OrdinalIgnoreCase);
    }
}
