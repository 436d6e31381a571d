using System.Text;
using System.Text.RegularExpressions;
using TalksBot.Core.Articles;

namespace TalksBot.Sources.Parsing;

/// <summary>
/// Scraped plain-text article dumps: date lines and a section header ("Geopolitics · Wed, 24 Jun 2026 …") before the
/// title, share/print chrome, a "Published in … by Outlet" line, a repeated title, and a "Read the Full Outlet Article
/// at: [ url ]" footer. Keeps title, outlet, date, URL and the clean body.
/// </summary>
public static partial class TextDumpParser
{
    public static ArticleDocument Parse(string text, string fallbackTitle)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n').Select(l => l.Trim()).ToList();
        DateOnly? headerDate = null;
        string outlet = "";
        string? url = null;
        string? title = null;
        var body = new List<string>();

        int i = 0;
        // Header: date lines and section lines before the title.
        for (; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Length == 0) continue;
            var section = SectionHeader().Match(line);
            if (section.Success)
            {
                headerDate ??= DateParsing.Parse(section.Groups["date"].Value);
                continue;
            }
            if (DateLine().IsMatch(line) && DateParsing.Parse(line) is { } d)
            {
                // Sites list several day headers; the earliest is the day the story ran.
                headerDate = headerDate is null || d < headerDate ? d : headerDate;
                continue;
            }
            break;
        }
        if (i < lines.Count)
        {
            title = lines[i];
            i++;
        }

        for (; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Length == 0)
            {
                body.Add("");
                continue;
            }
            if (line.StartsWith("Copy link", StringComparison.OrdinalIgnoreCase) || line.StartsWith("Locales:", StringComparison.OrdinalIgnoreCase)) continue;
            var published = PublishedBy().Match(line);
            if (published.Success)
            {
                outlet = published.Groups["outlet"].Value.Trim();
                continue;
            }
            var readFull = ReadFull().Match(line);
            if (readFull.Success)
            {
                if (outlet.Length == 0) outlet = readFull.Groups["outlet"].Value.Trim();
                var inline = BracketUrl().Match(line);
                if (inline.Success) url = inline.Groups["url"].Value;
                continue;
            }
            var bracket = BracketUrl().Match(line);
            if (bracket.Success && bracket.Value.Length >= line.Length - 2)
            {
                url ??= bracket.Groups["url"].Value;
                continue;
            }
            if (title is not null && string.Equals(line, title, StringComparison.Ordinal)) continue; // repeated title
            body.Add(line);
        }

        var clean = JoinParagraphs(body);
        var date = headerDate;
        // A dateline in the first paragraph beats a header list of days.
        var firstParagraph = clean.Split("\n\n", 2)[0];
        if (DateParsing.FindInText(firstParagraph[..Math.Min(200, firstParagraph.Length)]) is { } dateline) date = dateline;
        return new ArticleDocument(string.IsNullOrWhiteSpace(title) ? fallbackTitle : title, outlet, date, url, clean);
    }

    /// <summary>Lines into paragraphs: consecutive non-empty lines are separate paragraphs in these dumps; blank lines collapse.</summary>
    internal static string JoinParagraphs(IEnumerable<string> lines)
    {
        var sb = new StringBuilder();
        foreach (var line in lines)
        {
            if (line.Length == 0) continue;
            if (sb.Length > 0) sb.Append("\n\n");
            sb.Append(line);
        }
        return sb.ToString();
    }

    [GeneratedRegex(@"^(?<section>[\p{L} &]+)\s+·\s+(?<date>.+)$")]
    private static partial Regex SectionHeader();

    [GeneratedRegex(@"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,\s+\S+\s+\d{1,2},?\s+\d{4}$|^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,\s+\d{1,2}\s+\S+\s+\d{4}", RegexOptions.IgnoreCase)]
    private static partial Regex DateLine();

    [GeneratedRegex(@"^Print publication without navigation.*?\bby\s+(?<outlet>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex PublishedBy();

    [GeneratedRegex(@"^Read the Full\s+(?<outlet>.+?)\s+Article at:?", RegexOptions.IgnoreCase)]
    private static partial Regex ReadFull();

    [GeneratedRegex(@"\[\s*(?<url>https?://[^\s\]]+)\s*\]")]
    private static partial Regex BracketUrl();
}
