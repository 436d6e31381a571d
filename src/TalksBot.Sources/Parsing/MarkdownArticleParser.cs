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
                var parsed = Yaml.Deserialize<Dictionary<string, object?>>(yaml);
                if (parsed is not null) foreach (var (k, v) in parsed) meta[k] = v;
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
            if (line.StartsWith("```", StringComparison.Ordinal) || HorizontalRule().IsMatch(line)) continue;
            line = Image().Replace(line, "");
            line = Footnote().Replace(line, "");
            line = Link().Replace(line, "$1");
            // A link whose text spans lines leaves "](url)" behind on its last line, and "[" on its first.
            line = OrphanLinkTarget().Replace(line, "");
            if (line.StartsWith('[') && !line.Contains(']')) line = line[1..];
            bool heading = Heading().IsMatch(line);
            bool startsBlock = heading || ListMarker().IsMatch(line) || line.StartsWith('>') || line.StartsWith('|');
            line = Heading().Replace(line, "");
            line = ListMarker().Replace(line, "");
            line = Emphasis().Replace(line, "$2");
            // Zero-width characters sit inside scraped words ("five \u200Byears"): they are not part of the text.
            if (line.Any(TalksBot.Core.Retrieval.TextAnalyzer.IsInvisible)) line = new string(line.Where(c => !TalksBot.Core.Retrieval.TextAnalyzer.IsInvisible(c)).ToArray());
            line = line.Trim();
            if (line.Length == 0) continue;
            // A line wrapped in mid-sentence ("…, Ukrainian Prime" / "Minister Yulia Svyrydenko said …") continues it.
            if (!startsBlock && !afterHeading && lines.Count > 0 && lines[^1].Length > 0 && ContinuesSentence(lines[^1], line)) lines[^1] += " " + line;
            else lines.Add(line);
            afterHeading = heading;
        }
        return TextDumpParser.JoinParagraphs(lines);
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
