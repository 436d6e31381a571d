using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using AngleSharp.Html.Parser.Tokens;
using AngleSharp.Text;
using TalksBot.Sources.Parsing;

namespace TalksBot.Sources.Html;

/// <summary>
/// Parses HTML, refusing a page that keeps more elements open at once than any real page does. The parser's scope
/// checks walk the stack of open elements for every tag, so 100,000 nested <c>&lt;div&gt;</c>s (1 MB) took a minute:
/// the cost grows with the square of the nesting. A rough copy of that stack, kept as the tokenizer reads the tags,
/// stops such a page once <see cref="MaxOpenElements"/> elements are open, with the reason, so the cost stays linear in
/// the page's size. The copy errs towards counting too many (an element the parser would close implicitly may stay
/// on it), never too few: a tag the parser would ignore can only leave it taller.
/// </summary>
public static class BoundedHtmlParser
{
    /// <summary>
    /// Far above real pages (tens of levels; a few hundred for pages that never close a tag) and twice the depth
    /// browsers and the parser keep in the tree (512).
    /// </summary>
    public const int MaxOpenElements = 1_000;

    /// <summary>
    /// The parser's work, counted as the open elements it may walk for each tag: under the depth cap a page can still
    /// repeat tags deep down (990 open, then 300,000 more tags took 7 s to parse). Real pages stay far below (5 MB of
    /// tags 50 deep is 10 million); this budget is about a second of parsing.
    /// </summary>
    public const long MaxWork = 50_000_000;

    private static readonly HashSet<string> Void = new(StringComparer.Ordinal)
    {
        "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "image", "input", "keygen", "link",
        "meta", "param", "source", "track", "wbr", "html", "head", "body",
    };

    // Start tags that close an open element of their group first (the parser's implied end tags).
    private static readonly Dictionary<string, string> Group = new(StringComparer.Ordinal)
    {
        ["p"] = "p", ["li"] = "li", ["dd"] = "dd", ["dt"] = "dd", ["option"] = "option", ["tr"] = "tr", ["td"] = "td", ["th"] = "td",
        ["tbody"] = "tbody", ["thead"] = "tbody", ["tfoot"] = "tbody",
    };

    // The parser's "special" elements: an end tag for something else never closes across them.
    private static readonly HashSet<string> Special = new(StringComparer.Ordinal)
    {
        "address", "applet", "area", "article", "aside", "base", "basefont", "bgsound", "blockquote", "body", "br", "button",
        "caption", "center", "col", "colgroup", "dd", "details", "dir", "div", "dl", "dt", "embed", "fieldset", "figcaption",
        "figure", "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr",
        "html", "iframe", "img", "input", "keygen", "li", "link", "listing", "main", "marquee", "menu", "meta", "nav",
        "noembed", "noframes", "noscript", "object", "ol", "p", "param", "plaintext", "pre", "script", "search", "section",
        "select", "source", "style", "summary", "table", "tbody", "td", "template", "textarea", "tfoot", "th", "thead", "title",
        "tr", "track", "ul", "wbr", "xmp",
    };

    // Where "has an element in scope" stops looking (the end tag of a special element closes across everything else).
    private static readonly HashSet<string> ScopeBoundary = new(StringComparer.Ordinal)
        { "applet", "caption", "html", "table", "td", "th", "marquee", "object", "template", "button", "ol", "ul" };

    // Formatting elements come back (are reopened) after an end tag closed them implicitly, unless a marker closed.
    private static readonly HashSet<string> Formatting = new(StringComparer.Ordinal)
        { "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u" };

    private static readonly HashSet<string> Marker = new(StringComparer.Ordinal)
        { "applet", "caption", "marquee", "object", "template", "td", "th" };

    // Tags that end SVG/MathML content (the parser goes back to HTML), where a self-closing tag opens an element again.
    private static readonly HashSet<string> LeaveForeignContent = new(StringComparer.Ordinal)
    {
        "b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt", "em", "embed", "h1", "h2", "h3",
        "h4", "h5", "h6", "head", "hr", "i", "img", "li", "listing", "menu", "meta", "nobr", "ol", "p", "pre", "ruby", "s",
        "small", "span", "strong", "strike", "sub", "sup", "table", "tt", "u", "ul", "var", "font",
    };

    // Inside SVG/MathML these hold HTML again, where the slash of a self-closing tag is ignored.
    private static readonly HashSet<string> HtmlInsideForeign = new(StringComparer.Ordinal)
        { "foreignobject", "desc", "title", "mi", "mo", "mn", "ms", "mtext", "annotation-xml" };

    [ThreadStatic] private static List<OpenElement>? _open;
    [ThreadStatic] private static long _work;

    private static readonly HtmlParser Parser = new(new HtmlParserOptions { OnToken = Track });

    /// <summary>The parsed document; <see cref="ArticleFormatException"/> when the page nests too deep.</summary>
    public static IDocument Parse(string html)
    {
        _open = [];
        _work = 0;
        try
        {
            return Parser.ParseDocument(html);
        }
        finally
        {
            _open = null;
        }
    }

    private static void Track(HtmlToken token, TextRange range)
    {
        if (_open is not { } open) return;
        if (token.Type == HtmlTokenType.StartTag) Open(open, token.Name, token.AsTag().IsSelfClosing, range);
        else if (token.Type == HtmlTokenType.EndTag) Close(open, token.Name);
    }

    private static void Open(List<OpenElement> open, string name, bool selfClosing, TextRange range)
    {
        bool inForeign = open.Count > 0 && open[^1].HoldsForeign;
        if (inForeign && LeaveForeignContent.Contains(name))
        {
            while (open.Count > 0 && open[^1].Foreign && open[^1].HoldsForeign) open.RemoveAt(open.Count - 1);
            inForeign = false;
        }
        if (Void.Contains(name)) return;
        // A self-closing tag opens nothing only in SVG/MathML; in HTML the slash is ignored and the element stays open.
        if (selfClosing && (inForeign || name is "svg" or "math")) return;
        if (!inForeign && Group.TryGetValue(name, out var group)) CloseGroup(open, group);
        bool foreign = inForeign || name is "svg" or "math";
        open.Add(new OpenElement(name, foreign, HoldsForeign: foreign && !HtmlInsideForeign.Contains(name)));
        if (open.Count > MaxOpenElements)
        {
            throw new ArticleFormatException(
                $"the page nests more than {MaxOpenElements:N0} elements inside each other (at character {range.Start.Position:N0}); a page that deep is not read");
        }
        if ((_work += open.Count) > MaxWork)
        {
            throw new ArticleFormatException(
                $"the page repeats tags too deep inside each other for its size (at character {range.Start.Position:N0}); a page that costly to parse is not read");
        }
    }

    private static void CloseGroup(List<OpenElement> open, string group)
    {
        for (int i = open.Count - 1; i >= 0; i--)
        {
            var name = open[i].Name;
            if (Group.TryGetValue(name, out var g) && g == group)
            {
                PopTo(open, i);
                return;
            }
            if (group == "p" ? ScopeBoundary.Contains(name) : Special.Contains(name) && name is not ("address" or "div" or "p")) return;
        }
    }

    private static void Close(List<OpenElement> open, string name)
    {
        bool special = Special.Contains(name);
        for (int i = open.Count - 1; i >= 0; i--)
        {
            var node = open[i].Name;
            if (node == name)
            {
                PopTo(open, i);
                return;
            }
            // The parser ignores an end tag it can't reach; so does the copy, keeping everything open.
            if (special ? ScopeBoundary.Contains(node) : Special.Contains(node)) return;
        }
    }

    /// <summary>Closes the element at <paramref name="index"/> and all above it; formatting elements among them reopen.</summary>
    private static void PopTo(List<OpenElement> open, int index)
    {
        var closed = open[index];
        List<OpenElement>? reopen = null;
        if (!Marker.Contains(closed.Name))
        {
            for (int i = index + 1; i < open.Count; i++)
            {
                if (Formatting.Contains(open[i].Name)) (reopen ??= []).Add(open[i]);
            }
        }
        open.RemoveRange(index, open.Count - index);
        if (reopen is not null) open.AddRange(reopen);
    }

    private readonly record struct OpenElement(string Name, bool Foreign, bool HoldsForeign);
}
