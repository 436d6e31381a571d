using System.Text.Json;
using AngleSharp.Html.Parser;
using TalksBot.Sources.Html;
using TalksBot.Sources.Parsing;

namespace TalksBot.Sources.Tests;

/// <summary>
/// Measures the extractor against pages with known answers (mozilla/readability's test pages: source.html,
/// expected.html, expected-metadata.json): token-level F1 of the body, exact title, and whether the date was found.
/// </summary>
public static class ExtractionEvaluation
{
    public sealed record PageResult(string Name, string Kind, double F1, bool TitleExact, string Title, string? ExpectedTitle, bool? DateFound);

    public sealed record Report(IReadOnlyList<PageResult> Pages)
    {
        public IReadOnlyList<PageResult> Articles => Pages.Where(p => p.Kind == "news/magazine-article").ToList();
        public double MeanF1 => Articles.Average(p => p.F1);
        public double TitleExactRate => Articles.Count(p => p.TitleExact) / (double)Articles.Count;
        public int DatesExpected => Articles.Count(p => p.DateFound is not null);
        public int DatesFound => Articles.Count(p => p.DateFound == true);
    }

    public static Report Run(string readabilityDir)
    {
        var kinds = File.ReadAllLines(Path.Combine(readabilityDir, "index.tsv")).Skip(1)
            .Select(l => l.Split('\t')).Where(c => c.Length > 1).ToDictionary(c => c[0], c => c[1]);
        var results = new List<PageResult>();
        foreach (var dir in Directory.GetDirectories(readabilityDir).OrderBy(d => d, StringComparer.Ordinal))
        {
            var name = Path.GetFileName(dir);
            var source = Path.Combine(dir, "source.html");
            if (!File.Exists(source)) continue;
            var page = HtmlArticleExtractor.Extract(File.ReadAllText(source), null).Article;
            var expectedText = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(dir, "expected.html"))).Body?.TextContent ?? "";
            using var meta = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "expected-metadata.json")));
            var expectedTitle = meta.RootElement.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            bool? dateFound = null;
            if (meta.RootElement.TryGetProperty("publishedTime", out var p) && p.ValueKind == JsonValueKind.String && DateParsing.Parse(p.GetString()) is { } expectedDate)
            {
                dateFound = page.Published is { } got && Math.Abs(got.DayNumber - expectedDate.DayNumber) <= 1;
            }
            results.Add(new PageResult(name, kinds.GetValueOrDefault(name, "?"), F1(page.Body, expectedText),
                Same(page.Title, expectedTitle), page.Title, expectedTitle, dateFound));
        }
        return new Report(results);
    }

    private static bool Same(string? a, string? b) =>
        a is not null && b is not null && string.Equals(HtmlArticleExtractor.Normalize(a), HtmlArticleExtractor.Normalize(b), StringComparison.Ordinal);

    /// <summary>Token F1 over lowercase words (letters and digits), counting repeats.</summary>
    public static double F1(string actual, string expected)
    {
        var a = Tokens(actual);
        var e = Tokens(expected);
        if (a.Count == 0 || e.Count == 0) return a.Count == e.Count ? 1 : 0;
        var counts = new Dictionary<string, int>();
        foreach (var tok in e) counts[tok] = counts.GetValueOrDefault(tok) + 1;
        int overlap = 0;
        foreach (var tok in a)
        {
            if (counts.TryGetValue(tok, out var n) && n > 0)
            {
                overlap++;
                counts[tok] = n - 1;
            }
        }
        if (overlap == 0) return 0;
        double precision = (double)overlap / a.Count, recall = (double)overlap / e.Count;
        return 2 * precision * recall / (precision + recall);
    }

    private static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var sb = new System.Text.StringBuilder();
        foreach (var ch in text)
        {
            if (char.IsLetterOrDigit(ch)) sb.Append(char.ToLowerInvariant(ch));
            else if (sb.Length > 0) { tokens.Add(sb.ToString()); sb.Clear(); }
        }
        if (sb.Length > 0) tokens.Add(sb.ToString());
        return tokens;
    }
}
