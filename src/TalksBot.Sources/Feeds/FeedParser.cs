using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using AngleSharp.Dom;
using TalksBot.Sources.Html;
using TalksBot.Sources.Parsing;

namespace TalksBot.Sources.Feeds;

/// <summary>
/// RSS 2.0 / 0.9x, RSS 1.0 (RDF) and Atom 0.3 / 1.0 with System.Xml, recognised by content, not by name. Lenient where
/// a reader would be (whitespace before the XML declaration, HTML entities like &amp;nbsp; that XML doesn't define);
/// anything else malformed is rejected with the line and the reason.
/// </summary>
public static partial class FeedParser
{

    static FeedParser() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static FeedDocument Parse(byte[] content, Uri? baseUrl = null)
    {
        if (content.Length == 0 || content.All(b => b is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t')) throw new FeedFormatException("the document is empty");
        XDocument document;
        try
        {
            document = Load(new MemoryStream(TrimLeadingWhitespace(content)));
        }
        catch (XmlException ex) when (ex.Message.Contains("undeclared entity", StringComparison.OrdinalIgnoreCase) || ex.Message.Contains("not defined", StringComparison.OrdinalIgnoreCase))
        {
            var text = Decode(content);
            document = LoadText(HtmlEntity().Replace(text, m => XmlEntities.Contains(m.Groups[1].Value) ? m.Value : $"&#{(int)WebUtility.HtmlDecode(m.Value)[0]};"));
        }
        catch (XmlException ex)
        {
            throw new FeedFormatException($"not well-formed XML at line {ex.LineNumber}, position {ex.LinePosition}: {ex.Message}", ex);
        }
        return Read(document, baseUrl);
    }

    private static readonly HashSet<string> XmlEntities = ["amp", "lt", "gt", "quot", "apos"];

    private static XDocument Load(Stream stream)
    {
        using var reader = XmlReader.Create(stream, Settings());
        return XDocument.Load(reader, LoadOptions.SetBaseUri | LoadOptions.SetLineInfo);
    }

    private static XDocument LoadText(string text)
    {
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), Settings());
            return XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            throw new FeedFormatException($"not well-formed XML at line {ex.LineNumber}, position {ex.LinePosition}: {ex.Message}", ex);
        }
    }

    private static XmlReaderSettings Settings() => new()
    {
        DtdProcessing = DtdProcessing.Ignore, // no external entities, no billion laughs
        XmlResolver = null,
        IgnoreComments = true,
        CheckCharacters = true,
    };

    private static byte[] TrimLeadingWhitespace(byte[] content)
    {
        int bom = content.Length >= 3 && content[0] == 0xEF && content[1] == 0xBB && content[2] == 0xBF ? 3 : 0;
        int i = bom;
        while (i < content.Length && content[i] is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t') i++;
        return i == bom ? content : content[i..];
    }

    private static string Decode(byte[] content)
    {
        var head = Encoding.Latin1.GetString(content, 0, Math.Min(content.Length, 200));
        var declared = DeclaredEncoding().Match(head);
        try
        {
            var encoding = declared.Success ? Encoding.GetEncoding(declared.Groups[1].Value) : Encoding.UTF8;
            return encoding.GetString(content).TrimStart('\uFEFF', ' ', '\n', '\r', '\t');
        }
        catch (ArgumentException)
        {
            return Encoding.UTF8.GetString(content);
        }
    }

    private static FeedDocument Read(XDocument document, Uri? baseUrl)
    {
        var root = document.Root ?? throw new FeedFormatException("the document has no root element");
        switch (root.Name.LocalName)
        {
            case "rss":
            {
                // An <rss> without a <channel> is an empty feed; very old ones put items straight under the root.
                var channel = Child(root, "channel") ?? root;
                var version = (string?)root.Attribute("version");
                var items = Children(channel, "item").Select(i => RssItem(i, baseUrl)).ToList();
                return new FeedDocument(version is null ? "RSS" : $"RSS {version}", Text(channel, "title"), Text(channel, "link"), items);
            }
            case "RDF":
            {
                var channel = Child(root, "channel");
                var items = Children(root, "item").Select(i => RssItem(i, baseUrl)).ToList();
                return new FeedDocument("RSS 1.0 (RDF)", channel is null ? null : Text(channel, "title"), channel is null ? null : Text(channel, "link"), items);
            }
            case "feed":
            {
                var version = root.Name.NamespaceName == "http://purl.org/atom/ns#" || (string?)root.Attribute("version") == "0.3" ? "Atom 0.3" : "Atom 1.0";
                var items = Children(root, "entry").Select(e => AtomEntry(e, baseUrl)).ToList();
                return new FeedDocument(version, Text(root, "title"), AtomLink(root, baseUrl), items);
            }
            case "html":
                throw new FeedFormatException("not a feed: the document is an HTML page");
            default:
                throw new FeedFormatException($"not a feed: the root element is <{root.Name.LocalName}>, not <rss>, <rdf:RDF> or <feed>");
        }
    }

    private static FeedItem RssItem(XElement item, Uri? baseUrl)
    {
        var link = Text(item, "link");
        var guid = Child(item, "guid");
        if (string.IsNullOrWhiteSpace(link) && guid is not null && (string?)guid.Attribute("isPermaLink") != "false" && guid.Value.StartsWith("http", StringComparison.OrdinalIgnoreCase))
            link = guid.Value.Trim();
        var summary = Text(item, "encoded") ?? Text(item, "description");
        return new FeedItem(
            Clean(Text(item, "title")),
            Absolute(link, item, baseUrl),
            FeedDates.Parse(Text(item, "pubDate") ?? Text(item, "date") ?? Text(item, "published") ?? Text(item, "updated")),
            HtmlToText(summary),
            guid?.Value.Trim() ?? link);
    }

    private static FeedItem AtomEntry(XElement entry, Uri? baseUrl)
    {
        var content = Child(entry, "content");
        var summary = Child(entry, "summary");
        return new FeedItem(
            Clean(HtmlToText(Text(entry, "title"))),
            AtomLink(entry, baseUrl),
            FeedDates.Parse(Text(entry, "published") ?? Text(entry, "issued") ?? Text(entry, "created") ?? Text(entry, "updated") ?? Text(entry, "modified")),
            HtmlToText(XhtmlOrText(summary) ?? XhtmlOrText(content)),
            Text(entry, "id"));
    }

    private static string? AtomLink(XElement element, Uri? baseUrl)
    {
        var links = Children(element, "link").ToList();
        var best = links.FirstOrDefault(l => (string?)l.Attribute("rel") is null or "alternate" && ((string?)l.Attribute("type") is null or "text/html"))
            ?? links.FirstOrDefault(l => (string?)l.Attribute("rel") is null or "alternate");
        return Absolute((string?)best?.Attribute("href"), best ?? element, baseUrl);
    }

    /// <summary>Resolves a link against xml:base (inherited) and the feed's own URL.</summary>
    private static string? Absolute(string? link, XElement context, Uri? baseUrl)
    {
        if (string.IsNullOrWhiteSpace(link)) return null;
        link = link.Trim();
        if (Uri.TryCreate(link, UriKind.Absolute, out var abs) && abs.Scheme is "http" or "https") return abs.ToString();
        Uri? @base = baseUrl;
        foreach (var el in context.AncestorsAndSelf().Reverse())
        {
            var xmlBase = (string?)el.Attribute(XNamespace.Xml + "base");
            if (xmlBase is null) continue;
            // A base that isn't a URI makes the whole feed unreadable (its links would resolve to guesses): the
            // source's error, with the line, never an exception that stops every other source's refresh.
            // (Without a base to resolve against, a relative xml:base is only unusable, as it always was.)
            if (@base is null)
            {
                @base = Uri.TryCreate(xmlBase, UriKind.Absolute, out var absolute) ? absolute : null;
                continue;
            }
            if (!Uri.TryCreate(@base, xmlBase, out var b))
            {
                var line = ((IXmlLineInfo)el).HasLineInfo() ? $" at line {((IXmlLineInfo)el).LineNumber}" : "";
                throw new FeedFormatException($"xml:base \"{xmlBase}\"{line} is not a valid URI");
            }
            @base = b;
        }
        return @base is not null && Uri.TryCreate(@base, link, out var resolved) ? resolved.ToString() : null;
    }

    private static string? XhtmlOrText(XElement? element)
    {
        if (element is null) return null;
        return (string?)element.Attribute("type") == "xhtml" ? string.Concat(element.Nodes().Select(n => n.ToString())) : element.Value;
    }

    private static XElement? Child(XElement parent, string localName) => parent.Elements().FirstOrDefault(e => e.Name.LocalName == localName);

    private static IEnumerable<XElement> Children(XElement parent, string localName) => parent.Elements().Where(e => e.Name.LocalName == localName);

    private static string? Text(XElement parent, string localName) =>
        Child(parent, localName)?.Value is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : Whitespace().Replace(s, " ").Trim();

    /// <summary>Feed descriptions are often escaped HTML: keep the words.</summary>
    public static string? HtmlToText(string? html)
    {
        if (string.IsNullOrWhiteSpace(html)) return null;
        if (!html.Contains('<') && !html.Contains('&')) return Clean(html);
        IDocument doc;
        try
        {
            doc = BoundedHtmlParser.Parse("<body>" + html + "</body>");
        }
        catch (ArticleFormatException)
        {
            // Nested too deep to parse in reasonable time: the words without the tags still say what the item is.
            return Clean(WebUtility.HtmlDecode(Tag().Replace(html, " ")));
        }
        foreach (var br in doc.QuerySelectorAll("br, p, div, li")) br.Parent?.InsertBefore(doc.CreateTextNode("\n"), br);
        var lines = (doc.Body?.TextContent ?? "").Split('\n').Select(l => Whitespace().Replace(l, " ").Trim()).Where(l => l.Length > 0);
        var text = string.Join("\n\n", lines);
        return text.Length == 0 ? null : text;
    }

    [GeneratedRegex(@"&([a-zA-Z][a-zA-Z0-9]{1,31});")]
    private static partial Regex HtmlEntity();

    [GeneratedRegex(@"encoding\s*=\s*[""']([\w.:-]+)[""']")]
    private static partial Regex DeclaredEncoding();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tag();
}
