using System.Runtime.CompilerServices;
using TalksBot.Core.Articles;
using TalksBot.Core.Sources;

namespace TalksBot.Testing;

/// <summary>
/// A source whose documents a test sets directly (add, change, remove, fail), to exercise refresh logic without files.
/// An optional hook runs before each item is yielded (e.g. to throw mid-scan).
/// </summary>
public sealed class InMemorySource(string location) : IArticleSource
{
    private readonly Dictionary<string, SourceItem> _items = new(StringComparer.Ordinal);

    public string Location { get; } = location;

    public Action<int>? BeforeItem { get; set; }

    public string? UnavailableReason { get; set; }

    public InMemorySource Put(string origin, ArticleDocument article)
    {
        _items[origin] = new ArticleFound(origin, ContentHash.Of($"{article.Title}|{article.Outlet}|{article.Published}|{article.Url}|{article.Body}"), article);
        return this;
    }

    public InMemorySource PutItem(SourceItem item)
    {
        _items[item.Origin] = item;
        return this;
    }

    public InMemorySource Remove(string origin)
    {
        _items.Remove(origin);
        return this;
    }

    public async IAsyncEnumerable<SourceItem> ScanAsync(SourceScanContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (UnavailableReason is not null) throw new SourceUnavailableException(UnavailableReason);
        int i = 0;
        foreach (var item in _items.Values.OrderBy(v => v.Origin, StringComparer.Ordinal).ToList())
        {
            cancellationToken.ThrowIfCancellationRequested();
            BeforeItem?.Invoke(i++);
            await Task.Yield();
            yield return item;
        }
    }
}
