using System.Text.Json;
using AngleSharp.Dom;
using TalksBot.Sources.Parsing;

namespace TalksBot.Sources.Html;

/// <summary>
/// Title, outlet, byline, date and canonical link from what pages declare about themselves: JSON-LD (NewsArticle and
/// friends, @graph included), OpenGraph, &lt;meta&gt; names publishers use, and &lt;time datetime&gt;.
/// </summary>
internal sealed class PageMetadata
{
    public string? Headline { get; private set; }
    public string? OgTitle { get; private set; }
    public string? DocumentTitle { get; private set; }
    public string? SiteName { get; private set; }
    public string? Byline { get; private set; }
    public DateOnly? Published { get; private set; }
    public string? Canonical { get; private set; }

    private DateOnly? _anyDatePublished;

    public static PageMetadata Read(IDocument document)
    {
        var m = new PageMetadata { DocumentTitle = Clean(document.Title) };
        foreach (var script in document.QuerySelectorAll("script[type='application/ld+json']"))
        {
            try
            {
                // Some CMSs wrap JSON-LD in a CDATA section.
                var text = script.TextContent.Trim();
                if (text.StartsWith("<![CDATA[", StringComparison.Ordinal)) text = text[9..];
                if (text.EndsWith("]]>", StringComparison.Ordinal)) text = text[..^3];
                using var json = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                m.ReadJsonLd(json.RootElement);
            }
            catch (JsonException)
            {
                // Broken JSON-LD is common; the other sources of metadata still apply.
            }
        }

        string? Meta(params string[] names)
        {
            foreach (var name in names)
            {
                var el = document.QuerySelector($"meta[property='{name}' i], meta[name='{name}' i], meta[itemprop='{name}' i]");
                var content = el?.GetAttribute("content");
                if (!string.IsNullOrWhiteSpace(content)) return Clean(content);
            }
            return null;
        }

        m.OgTitle = Meta("dc.title", "dcterm.title", "og:title", "twitter:title", "parsely-title", "sailthru.title");
        m.SiteName ??= Meta("og:site_name", "application-name", "publisher", "dc.publisher", "twitter:site");
        if (m.SiteName?.StartsWith('@') == true) m.SiteName = null;
        m.Byline ??= Meta("author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl");
        if (m.Byline is not null && m.Byline.StartsWith("http", StringComparison.OrdinalIgnoreCase)) m.Byline = null;
        m.Published ??= DateParsing.Parse(Meta("article:published_time", "datePublished", "date", "pubdate", "publishdate", "publish-date",
            "dc.date", "dc.date.issued", "dcterms.created", "sailthru.date", "parsely-pub-date", "og:published_time", "article.published", "DC.date.issued"));
        m.Published ??= m._anyDatePublished;
        if (m.Published is null)
        {
            var time = document.QuerySelector("article time[datetime], time[datetime][pubdate], time[itemprop='datePublished'], time[datetime]");
            m.Published = DateParsing.Parse(time?.GetAttribute("datetime"));
        }
        m.Canonical = document.QuerySelector("link[rel='canonical' i]")?.GetAttribute("href") ?? Meta("og:url");
        return m;
    }

    private void ReadJsonLd(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray()) ReadJsonLd(item);
                return;
            case JsonValueKind.Object:
                if (element.TryGetProperty("@graph", out var graph)) ReadJsonLd(graph);
                // Any node's datePublished is better than none (some pages type the article as WebPage).
                _anyDatePublished ??= DateParsing.Parse(String(element, "datePublished"));
                if (!IsArticle(element)) return;
                Headline ??= String(element, "headline") ?? String(element, "name");
                Published ??= DateParsing.Parse(String(element, "datePublished") ?? String(element, "dateCreated"));
                if (Byline is null && element.TryGetProperty("author", out var author)) Byline = Names(author);
                if (SiteName is null && element.TryGetProperty("publisher", out var publisher)) SiteName = Names(publisher);
                return;
        }
    }

    private static bool IsArticle(JsonElement element)
    {
        if (!element.TryGetProperty("@type", out var type)) return false;
        IEnumerable<string?> types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.ToString()) : [type.ToString()];
        return types.Any(t => t is not null && (t.EndsWith("Article", StringComparison.Ordinal) || t is "BlogPosting" or "Report" or "LiveBlogPosting"));
    }

    private static string? String(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? Clean(v.GetString()) : null;

    private static string? Names(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => Clean(e.GetString()),
        JsonValueKind.Object => String(e, "name"),
        JsonValueKind.Array => string.Join(", ", e.EnumerateArray().Select(Names).Where(n => !string.IsNullOrEmpty(n))) is { Length: > 0 } s ? s : null,
        _ => null,
    };

    internal static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : System.Net.WebUtility.HtmlDecode(string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
}
