using System.Text.RegularExpressions;
using TalksBot.Core.Articles;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace TalksBot.Sources.Parsing;

/// <summary>
/// Markdown with YAML front matter (title, source, url, published). The body keeps its words and loses its markup:
/// links become their text, images and footnote references go, headings and emphasis become plain text.
/// </summary>
public static partial class MarkdownArticleParser
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder().Build();

    public static ArticleDocument Parse(string text, string fallbackTitle)
    {
        text = text.Replace("\r\n", "\n").TrimStart('\uFEFF');
        var meta = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        string body = text;
        if (text.StartsWith("---\n", StringComparison.Ordinal))
        {
            int end = text.IndexOf("\n---", 3, StringComparison.Ordinal);
            if (end < 0) throw new ArticleFormatException("front matter is not closed (no second '---' line)");
            var yaml = text[4..(end + 1)];
            body = text[(end + 4)..];
            if (body.StartsWith('-')) body = body.TrimStart('-');
            try
            {
                if (SimpleFrontMatter(yaml) is { } simple)
                {
                    foreach (var (k, v) in simple) meta[k] = v;
                }
                else
                {
                    var parsed = Yaml.Deserialize<Dictionary<string, object?>>(yaml);
                    if (parsed is not null) foreach (var (k, v) in parsed) meta[k] = v;
                }
            }
            catch (YamlException ex)
            {
                throw new ArticleFormatException($"front matter is not valid YAML: {ex.Message}", ex);
            }
        }

        var clean = CleanBody(body);
        var title = Text(meta, "title");
        if (string.IsNullOrWhiteSpace(title)) title = FirstHeading().Match(body) is { Success: true } h ? h.Groups[1].Value.Trim() : fallbackTitle;
        var published = Text(meta, "published") ?? Text(meta, "date");
        var date = DateParsing.Parse(published);
        if (published is not null && date is null) throw new ArticleFormatException($"'published: {published}' is not a date (expected YYYY-MM-DD)");
        return new ArticleDocument(title!.Trim(), (Text(meta, "source") ?? Text(meta, "outlet") ?? "").Trim(), date, Text(meta, "url")?.Trim(), clean)
        {
            Byline = Text(meta, "author") ?? Text(meta, "byline"),
        };
    }

    /// <summary>
    /// Front matter made only of <c>key: value</c> lines whose values are plain, or quoted without escapes, read as
    /// YAML reads them; null for anything else (comments, nesting, lists, escapes, empty or null values, a repeated
    /// key), which goes to the YAML parser. Setting up YamlDotNet's parser cost ~30 KB and ~15 µs per article, a third
    /// of reading a Markdown file; nearly every article's front matter is this simple.
    /// </summary>
    internal static List<KeyValuePair<string, string>>? SimpleFrontMatter(string yaml)
    {
        // Line breaks other than "\n" are left to the YAML parser, which knows which of them YAML counts.
        if (yaml.AsSpan().IndexOfAny("\r\f\u0085\u2028\u2029") >= 0) return null;
        var entries = new List<KeyValuePair<string, string>>(8);
        foreach (var line in yaml.AsSpan().EnumerateLines())
        {
            if (line.IsWhiteSpace()) continue;
            int colon = line.IndexOf(':');
            if (colon <= 0 || !IsSimpleKey(line[..colon])) return null;
            var rest = line[(colon + 1)..];
            if (rest.Length == 0 || rest[0] != ' ') return null;
            var value = rest.Trim(' ');
            if (value.Length == 0) return null;
            string text;
            if (value[0] is '"' or '\'')
            {
                char quote = value[0];
                if (value.Length < 2 || value[^1] != quote) return null;
                var inner = value[1..^1];
                if (inner.IndexOfAny(quote, '\\') >= 0 || inner.IndexOfAny('\t', '\r') >= 0) return null;
                text = inner.ToString();
            }
            else
            {
                if ("-?:,[]{}#&*!|>%@`".Contains(value[0]) || value[^1] == ':' || value.Contains(": ", StringComparison.Ordinal)
                    || value.Contains(" #", StringComparison.Ordinal) || value.IndexOfAny('\t', '\r') >= 0
                    || value is "~" or "null" or "Null" or "NULL") return null;
                text = value.ToString();
            }
            var key = line[..colon].ToString();
            foreach (var (known, _) in entries) if (known == key) return null;
            entries.Add(new(key, text));
        }
        return entries;
    }

    private static bool IsSimpleKey(ReadOnlySpan<char> key)
    {
        if (!(char.IsAsciiLetter(key[0]) || key[0] == '_')) return false;
        foreach (var c in key) if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-')) return false;
        return true;
    }

    private static string? Text(Dictionary<string, object?> meta, string key) =>
        meta.TryGetValue(key, out var v) && v is not null && v is not IDictionary<object, object> && v is not IList<object> ? v.ToString() : null;

    public static string CleanBody(string markdown)
    {
        var lines = new List<string>();
        bool afterHeading = false;
        foreach (var raw in markdown.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0) { lines.Add(""); continue; }
            if (line.StartsWith("```", StringComparison.Ordinal) || line[0] is '-' or '*' or '_' && HorizontalRule().IsMatch(line)) continue;
            // Each rule runs only on a line holding the character it needs: most lines of prose hold none, and
            // running every rule on every line was most of reading a Markdown article.
            if (line.AsSpan().IndexOfAny('[', ']') >= 0)
            {
                line = Image().Replace(line, "");
                line = Footnote().Replace(line, "");
                line = Link().Replace(line, "$1");
                // A link whose text spans lines leaves "](url)" behind on its last line, and "[" on its first.
                line = OrphanLinkTarget().Replace(line, "");
                if (line.StartsWith('[') && !line.Contains(']')) line = line[1..];
            }
            bool heading = line.StartsWith('#') && Heading().IsMatch(line);
            bool startsBlock = heading || MayStartList(line) && ListMarker().IsMatch(line) || line.StartsWith('>') || line.StartsWith('|');
            if (heading) line = Heading().Replace(line, "");
            if (MayStartList(line)) line = ListMarker().Replace(line, "");
            if (line.AsSpan().IndexOfAny('*', '_') >= 0) line = Emphasis().Replace(line, "$2");
            // Zero-width characters sit inside scraped words ("five \u200Byears"): they are not part of the text.
            if (HasInvisible(line)) line = new string(line.Where(c => !TalksBot.Core.Retrieval.TextAnalyzer.IsInvisible(c)).ToArray());
            line = line.Trim();
            if (line.Length == 0) continue;
            // A line wrapped in mid-sentence ("…, Ukrainian Prime" / "Minister Yulia Svyrydenko said …") continues it.
            if (!startsBlock && !afterHeading && lines.Count > 0 && lines[^1].Length > 0 && ContinuesSentence(lines[^1], line)) lines[^1] += " " + line;
            else lines.Add(line);
            afterHeading = heading;
        }
        return TextDumpParser.JoinParagraphs(lines);
    }

    private static bool MayStartList(string line) => line.Length > 0 && (line[0] is '-' or '*' or '+' || char.IsDigit(line[0]));

    private static bool HasInvisible(string line)
    {
        foreach (var c in line)
        {
            if (TalksBot.Core.Retrieval.TextAnalyzer.IsInvisible(c)) return true;
        }
        return false;
    }

    [GeneratedRegex(@"^#{1,6}\s+(.+)$", RegexOptions.Multiline)]
    private static partial Regex FirstHeading();

    [GeneratedRegex(@"!\[[^\]]*\]\([^)]*\)")]
    private static partial Regex Image();

    [GeneratedRegex(@"\[\[[^\]]*\]\]\([^)]*\)|\[\^[^\]]+\]")]
    private static partial Regex Footnote();

    [GeneratedRegex(@"\[((?:[^\[\]]|\[[^\]]*\])*)\]\((?:<[^>]*>|[^()\s<]|\([^)]*\))*(?:\s+""[^""]*"")?\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"\]\((?:<[^>]*>|[^()\s<]|\([^)]*\))*(?:\s+""[^""]*"")?\)")]
    private static partial Regex OrphanLinkTarget();

    // A wrap, not a new line: the next line goes on in lower case, or the line ends in a comma or dash, or in a title
    // word that a name follows ("Prime" / "Minister …"). Headlines, captions and credits ("… Photograph: X/EPA") also
    // end without punctuation but are followed by a capitalised sentence: on the real scrapes ~400 such pairs for every
    // true wrap, so a capital after a bare word ends the line.
    private static bool ContinuesSentence(string line, string next) =>
        line.Length >= 40 && line.Contains(' ') && next.Length > 0
        && (char.IsLetterOrDigit(line[^1]) && char.IsLower(next[0])
            || line[^1] is ',' or ';' or '–' or '—'
            || WrappedTitle().IsMatch(line) && char.IsUpper(next[0]));

    [GeneratedRegex(@"\b(Prime|Foreign|Defen[cs]e|Deputy|Vice|Secretary|Presidential|Special|Chief|Senior)$")]
    private static partial Regex WrappedTitle();

    [GeneratedRegex(@"^#{1,6}\s+")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^(?:[-*+]|\d+\.)\s+")]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"(\*\*|__|\*|_)(\S(?:.*?\S)?)\1")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"^(-{3,}|\*{3,}|_{3,})$")]
    private static partial Regex HorizontalRule();
}
