using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace TalksBot.Evaluation;

/// <summary>The verdicts of one run and the rates the README and the CI floors use.</summary>
public sealed class EvaluationReport(IReadOnlyList<QuestionVerdict> verdicts)
{
    public IReadOnlyList<QuestionVerdict> Verdicts { get; } = verdicts;

    public int Answerable => Verdicts.Count(v => v.Question.Covered);

    public int AnsweredCorrectly => Verdicts.Count(v => v.Question.Covered && v.Passed);

    public int Uncovered => Verdicts.Count(v => !v.Question.Covered);

    public int UncoveredRefused => Verdicts.Count(v => !v.Question.Covered && !v.Grounded && v.CitedArticles.Count == 0);

    public int Quotes => Verdicts.Sum(v => v.Quotes);

    public int QuotesVerbatim => Verdicts.Sum(v => v.QuotesVerbatim);

    /// <summary>Share of answerable questions answered grounded, citing an expected article, with every expected word.</summary>
    public double AnswerableCorrectRate => Rate(AnsweredCorrectly, Answerable);

    /// <summary>Share of uncovered questions refused with no citation.</summary>
    public double UncoveredRefusedRate => Rate(UncoveredRefused, Uncovered);

    /// <summary>Share of extractive quotes found verbatim in a passage they cite (1 when nothing was quoted).</summary>
    public double QuotesVerbatimRate => Quotes == 0 ? 1 : (double)QuotesVerbatim / Quotes;

    public double PercentileMilliseconds(double p)
    {
        var sorted = Verdicts.Select(v => v.Milliseconds).Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1))];
    }

    public IEnumerable<(string Kind, int Count, int Passed)> ByKind() =>
        Verdicts.GroupBy(v => v.Question.Kind, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Count(), g.Count(v => v.Passed)));

    public string ToText(bool verbose)
    {
        var sb = new StringBuilder();
        sb.AppendLine("By kind:");
        foreach (var (kind, count, passed) in ByKind()) sb.AppendLine(CultureInfo.InvariantCulture, $"  {kind,-14} {passed,3}/{count,-3} {Percent(passed, count),6}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"Answerable answered correctly (grounded, cites an article holding the fact, expected words): {AnsweredCorrectly}/{Answerable} = {Percent(AnsweredCorrectly, Answerable)}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"  of which grounded {Verdicts.Count(v => v.Question.Covered && v.Grounded)}, cite an expected article {Verdicts.Count(v => v.Question.Covered && !v.Reasons.Any(r => r.StartsWith("cites none", StringComparison.Ordinal) || r == "no citation"))}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"Uncovered refused with no citation: {UncoveredRefused}/{Uncovered} = {Percent(UncoveredRefused, Uncovered)}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"Quotes verbatim in their cited passage: {QuotesVerbatim}/{Quotes} = {(Quotes == 0 ? "n/a" : Percent(QuotesVerbatim, Quotes))}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"Overall passed: {Verdicts.Count(v => v.Passed)}/{Verdicts.Count} = {Percent(Verdicts.Count(v => v.Passed), Verdicts.Count)}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"Time per question (through the conversation pipeline): p50 {PercentileMilliseconds(0.5):0.0} ms, p95 {PercentileMilliseconds(0.95):0.0} ms, max {PercentileMilliseconds(1):0.0} ms");
        var shown = verbose ? Verdicts : Verdicts.Where(v => !v.Passed).ToList();
        if (shown.Count > 0) sb.AppendLine().AppendLine(verbose ? "Every question:" : "Failures:");
        foreach (var v in shown)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"{(v.Passed ? "PASS" : "FAIL")} {v.Question.Id} [{v.Question.Kind}] {(v.Question.Previous is null ? "" : $"(after \"{v.Question.Previous}\") ")}{v.Question.Question}");
            foreach (var r in v.Reasons) sb.AppendLine("    - " + r);
            if (v.Question.Covered && !v.Passed) sb.AppendLine("    expected: " + string.Join(", ", v.Question.Articles ?? []));
            if (v.CitedArticles.Count > 0 && (verbose || v.Question.Covered)) sb.AppendLine("    cited: " + string.Join(", ", v.CitedArticles));
            sb.AppendLine("    answer: " + Shorten(v.AnswerText.ReplaceLineEndings(" "), verbose ? 600 : 300));
        }
        return sb.ToString().TrimEnd();
    }

    public JsonObject ToJson()
    {
        var kinds = new JsonObject();
        foreach (var (kind, count, passed) in ByKind()) kinds[kind] = new JsonObject { ["questions"] = count, ["passed"] = passed };
        var results = new JsonArray();
        foreach (var v in Verdicts)
        {
            results.Add(new JsonObject
            {
                ["id"] = v.Question.Id,
                ["kind"] = v.Question.Kind,
                ["question"] = v.Question.Question,
                ["previous"] = v.Question.Previous,
                ["covered"] = v.Question.Covered,
                ["passed"] = v.Passed,
                ["reasons"] = new JsonArray(v.Reasons.Select(r => (JsonNode)JsonValue.Create(r)).ToArray()),
                ["grounded"] = v.Grounded,
                ["mode"] = v.Mode.ToString().ToLowerInvariant(),
                ["cited"] = new JsonArray(v.CitedArticles.Select(c => (JsonNode)JsonValue.Create(c)).ToArray()),
                ["quotes"] = v.Quotes,
                ["quotesVerbatim"] = v.QuotesVerbatim,
                ["ms"] = Math.Round(v.Milliseconds, 2),
                ["answer"] = v.AnswerText,
            });
        }
        return new JsonObject
        {
            ["questions"] = Verdicts.Count,
            ["answerable"] = Answerable,
            ["answeredCorrectly"] = AnsweredCorrectly,
            ["answerableCorrectRate"] = Math.Round(AnswerableCorrectRate, 4),
            ["uncovered"] = Uncovered,
            ["uncoveredRefused"] = UncoveredRefused,
            ["uncoveredRefusedRate"] = Math.Round(UncoveredRefusedRate, 4),
            ["quotes"] = Quotes,
            ["quotesVerbatim"] = QuotesVerbatim,
            ["msP50"] = Math.Round(PercentileMilliseconds(0.5), 2),
            ["msP95"] = Math.Round(PercentileMilliseconds(0.95), 2),
            ["kinds"] = kinds,
            ["results"] = results,
        };
    }

    private static double Rate(int part, int whole) => whole == 0 ? 1 : (double)part / whole;

    private static string Percent(int part, int whole) => whole == 0 ? "n/a" : (100.0 * part / whole).ToString("0.0", CultureInfo.InvariantCulture) + " %";

    private static string Shorten(string s, int max) => s.Length <= max ? s : s[..max] + "…";
}
