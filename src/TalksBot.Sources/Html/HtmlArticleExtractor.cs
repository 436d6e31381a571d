using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using TalksBot.Core.Articles;

namespace TalksBot.Sources.Html;

/// <summary>
/// Reads the article out of a news page, readability-style: drop what is never content (scripts, navigation, forms,
/// share bars, newsletter and related-link boxes), score containers by the paragraph text they hold (length, commas,
/// class hints, link density), take the best with its worthy siblings, and write its blocks as paragraphs.
/// </summary>
public static partial class HtmlArticleExtractor
{
    private static readonly string[] AlwaysRemove =
        ["script", "style", "noscript", "iframe", "form", "nav", "footer", "aside", "svg", "button", "input", "select", "textarea", "template", "object", "embed", "link", "meta", "dialog"];

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
        { "P", "H1", "H2", "H3", "H4", "H5", "H6", "LI", "BLOCKQUOTE", "PRE", "TD", "TH", "DT", "DD", "FIGCAPTION", "DIV", "SECTION", "ARTICLE", "UL", "OL", "TABLE", "TR", "HEADER", "MAIN", "FIGURE", "DL", "CENTER" };

    public static ExtractedPage Extract(string html, Uri? pageUrl)
    {
        var document = BoundedHtmlParser.Parse(html);
        var meta = PageMetadata.Read(document);
        var body = document.Body ?? throw new Parsing.ArticleFormatException("the page has no <body>");

        var title = ChooseTitle(meta, document);
        var text = ExtractText(body, removeByClass: true);
        if (text.Length < 500)
        {
            // Class hints sometimes mark the whole page (a "sidebar-layout" wrapper): try again trusting text alone.
            var retry = ExtractText(BoundedHtmlParser.Parse(html).Body!, removeByClass: false);
            if (retry.Length > text.Length) text = retry;
        }
        text = DropLeadingTitle(text, title);

        string? canonical = null;
        if (meta.Canonical is { } c && Uri.TryCreate(pageUrl ?? new Uri("about:blank"), c, out var abs) && abs.Scheme is "http" or "https") canonical = abs.ToString();
        var url = canonical ?? pageUrl?.ToString();
        var outlet = meta.SiteName ?? SiteFromTitle(meta.DocumentTitle, title) ?? pageUrl?.Host.Replace("www.", "") ?? "";
        var article = new ArticleDocument(title ?? "", outlet, meta.Published, url, text) { Byline = meta.Byline };
        return new ExtractedPage(article, canonical);
    }

    private static string ExtractText(IElement body, bool removeByClass)
    {
        RemoveClutter(body, removeByClass);
        var content = BestContent(body);
        return content is null ? "" : ToText(content);
    }

    private static string? ChooseTitle(PageMetadata meta, IDocument document)
    {
        var h1 = PageMetadata.Clean(document.QuerySelector("h1")?.TextContent);
        var docTitle = meta.DocumentTitle;
        // What the page declares (JSON-LD, Dublin Core, OpenGraph) first, as reader modes do; then <title> without the site's name.
        var trimmed = TrimSiteSuffix(docTitle, meta.SiteName);
        foreach (var candidate in new[] { meta.Headline, meta.OgTitle, trimmed, h1 })
        {
            if (!string.IsNullOrWhiteSpace(candidate) && candidate.Split(' ').Length >= 2) return candidate;
        }
        return trimmed ?? meta.OgTitle ?? meta.Headline ?? h1;
    }

    internal static string? TrimSiteSuffix(string? title, string? siteName)
    {
        if (title is null) return null;
        foreach (var sep in new[] { " | ", " - ", " – ", " — ", " :: ", " · ", " » " })
        {
            int at = title.LastIndexOf(sep, StringComparison.Ordinal);
            if (at <= 0) continue;
            var head = title[..at].Trim();
            var tail = title[(at + sep.Length)..].Trim();
            bool tailIsSite = siteName is not null && (tail.Contains(siteName, StringComparison.OrdinalIgnoreCase) || siteName.Contains(tail, StringComparison.OrdinalIgnoreCase));
            if (tailIsSite || (tail.Split(' ').Length <= 4 && head.Split(' ').Length >= 3)) return TrimSiteSuffix(head, siteName);
        }
        return title;
    }

    private static string? SiteFromTitle(string? docTitle, string? title)
    {
        if (docTitle is null || title is null || docTitle.Length <= title.Length || !docTitle.StartsWith(title, StringComparison.Ordinal)) return null;
        var rest = docTitle[title.Length..].Trim(' ', '|', '-', '–', '—', ':', '·');
        return rest.Length is > 0 and < 60 ? rest : null;
    }

    private static void RemoveClutter(IElement body, bool byClass)
    {
        foreach (var tag in AlwaysRemove)
            foreach (var el in body.QuerySelectorAll(tag).ToList()) el.Remove();
        foreach (var el in body.QuerySelectorAll("[hidden], [aria-hidden='true'], [style*='display:none'], [style*='display: none'], [role='navigation'], [role='complementary'], [role='dialog'], [role='banner']").ToList())
        {
            el.Remove();
        }
        if (!byClass) return;
        int bodyLength = Normalize(body.TextContent).Length;
        foreach (var el in body.QuerySelectorAll("*").ToList())
        {
            if (el.ParentElement is null && el != body) continue;
            if (el.LocalName is "body" or "html" or "article" or "main" or "p" or "a" or "span" or "em" or "strong" or "b" or "i") continue;
            var hint = (el.ClassName + " " + el.Id).Trim();
            if (hint.Length == 0) continue;
            if (Unlikely().IsMatch(hint) && !MaybeContent().IsMatch(hint) && Normalize(el.TextContent).Length < bodyLength / 3) el.Remove();
        }
    }

    private static IElement? BestContent(IElement body)
    {
        var scores = new Dictionary<IElement, double>();
        foreach (var p in body.QuerySelectorAll("p, pre, td, blockquote, li, div, section"))
        {
            string text;
            if (p.LocalName is "div" or "section" or "li" or "td")
            {
                // Containers count only for text they hold directly (not inside child blocks).
                text = DirectText(p);
            }
            else text = Normalize(p.TextContent);
            if (text.Length < 25) continue;
            double score = 1 + text.Count(ch => ch is ',' or '،' or '，') + Math.Min(text.Length / 100.0, 3);
            var parent = p.ParentElement;
            var grand = parent?.ParentElement;
            if (parent is not null) scores[parent] = scores.GetValueOrDefault(parent, Initial(parent)) + score;
            if (grand is not null) scores[grand] = scores.GetValueOrDefault(grand, Initial(grand)) + score / 2;
            var great = grand?.ParentElement;
            if (great is not null) scores[great] = scores.GetValueOrDefault(great, Initial(great)) + score / 3;
        }
        if (scores.Count == 0) return body;
        IElement? best = null;
        double bestScore = double.MinValue;
        foreach (var (el, score) in scores)
        {
            double adjusted = score * (1 - LinkDensity(el));
            if (adjusted > bestScore)
            {
                bestScore = adjusted;
                best = el;
            }
        }
        if (best is null) return body;

        // When several strong candidates share an ancestor, the article is that ancestor (split into sections).
        var strong = scores.Select(kv => (El: kv.Key, Score: kv.Value * (1 - LinkDensity(kv.Key))))
            .OrderByDescending(x => x.Score).Take(5).Where(x => x.El != best && x.Score >= bestScore * 0.75).Select(x => x.El).ToList();
        if (strong.Count >= 3)
        {
            for (var ancestor = best.ParentElement; ancestor is not null && ancestor.LocalName != "body"; ancestor = ancestor.ParentElement)
            {
                if (strong.Count(s => ancestor.Contains(s)) >= 3)
                {
                    best = ancestor;
                    bestScore = scores.GetValueOrDefault(ancestor, bestScore);
                    break;
                }
            }
        }
        // An only child says nothing on its own: its parent is the container.
        while (best.ParentElement is { } only && only.LocalName != "body" && only.Children.Length == 1)
        {
            best = only;
        }

        // Wrap the best with its worthy siblings (articles split across sibling containers).
        var parentEl = best.ParentElement;
        if (parentEl is null) return best;
        double threshold = Math.Max(10, bestScore * 0.2);
        var keep = new List<IElement>();
        foreach (var sibling in parentEl.Children)
        {
            if (sibling == best) { keep.Add(sibling); continue; }
            double s = scores.TryGetValue(sibling, out var sc) ? sc * (1 - LinkDensity(sibling)) : 0;
            if (s >= threshold) { keep.Add(sibling); continue; }
            if (sibling.LocalName == "p")
            {
                var text = Normalize(sibling.TextContent);
                double density = LinkDensity(sibling);
                if ((text.Length > 80 && density < 0.25) || (text.Length > 0 && density == 0 && EndsSentence().IsMatch(text))) keep.Add(sibling);
            }
        }
        if (keep.Count == 1) return best;
        var wrapper = best.Owner!.CreateElement("div");
        foreach (var k in keep) wrapper.AppendChild(k.Clone(true));
        return wrapper;
    }

    private static double Initial(IElement el)
    {
        double score = el.LocalName switch
        {
            "article" => 10,
            "div" or "main" or "section" => 5,
            "pre" or "td" or "blockquote" => 3,
            "address" or "ol" or "ul" or "dl" or "dd" or "dt" or "li" => -3,
            "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
            _ => 0,
        };
        var hint = el.ClassName + " " + el.Id;
        if (Positive().IsMatch(hint)) score += 25;
        if (Negative().IsMatch(hint)) score -= 25;
        return score;
    }

    private static double LinkDensity(IElement el)
    {
        int total = Normalize(el.TextContent).Length;
        if (total == 0) return 0;
        int links = el.QuerySelectorAll("a").Sum(a => Normalize(a.TextContent).Length);
        return Math.Min(1, (double)links / total);
    }

    private static string DirectText(IElement el)
    {
        var sb = new StringBuilder();
        foreach (var node in el.ChildNodes)
        {
            if (node is IElement child && Blocks.Contains(child.TagName)) continue;
            sb.Append(node.TextContent);
        }
        return Normalize(sb.ToString());
    }

    /// <summary>The blocks of the content as paragraphs; inline text runs are joined within their block.</summary>
    private static string ToText(IElement root)
    {
        var paragraphs = new List<string>();
        var current = new StringBuilder();
        void Flush()
        {
            var t = Normalize(current.ToString());
            if (t.Length > 0) paragraphs.Add(t);
            current.Clear();
        }
        void Walk(INode node)
        {
            if (node is IElement el)
            {
                if (el.LocalName is "br") { Flush(); return; }
                bool block = Blocks.Contains(el.TagName);
                if (block) Flush();
                foreach (var child in el.ChildNodes) Walk(child);
                if (block) Flush();
            }
            else if (node.NodeType == NodeType.Text)
            {
                current.Append(node.TextContent);
            }
        }
        Walk(root);
        Flush();
        // Drop short link-only and chrome lines that survived ("Advertisement", "Share this").
        return string.Join("\n\n", paragraphs.Where(p => !Chrome().IsMatch(p)));
    }

    private static string DropLeadingTitle(string text, string? title)
    {
        if (title is null) return text;
        var first = text.Split("\n\n", 2);
        return first.Length == 2 && string.Equals(first[0].Trim(), title.Trim(), StringComparison.OrdinalIgnoreCase) ? first[1] : text;
    }

    internal static string Normalize(string s) => Whitespace().Replace(s.Replace('\u00a0', ' '), " ").Trim();

    [GeneratedRegex(@"-ad-|^ad-|\bads?\b|advert|banner|breadcrumb|combx|comment|community|cookie|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|modal|newsletter|outbrain|pager|pagination|popup|promo|related|remark|replies|rss|share|shoutbox|sidebar|skyscraper|social|sponsor|subscribe|taboola|tags|toolbar|tool-bar|widget|signup|sign-up|recommend|trending|most-popular|masthead|byline-share|print", RegexOptions.IgnoreCase)]
    private static partial Regex Unlikely();

    [GeneratedRegex(@"and|article|body|column|content|main|shadow|story|entry|post-body|text", RegexOptions.IgnoreCase)]
    private static partial Regex MaybeContent();

    [GeneratedRegex(@"article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story", RegexOptions.IgnoreCase)]
    private static partial Regex Positive();

    [GeneratedRegex(@"-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|foot|footer|footnote|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget", RegexOptions.IgnoreCase)]
    private static partial Regex Negative();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"[.!?…""”’)]$")]
    private static partial Regex EndsSentence();

    [GeneratedRegex(@"^(advertisement|advertisements|share this|share|read more|related|sponsored|continue reading|skip to main content)$", RegexOptions.IgnoreCase)]
    private static partial Regex Chrome();
}
