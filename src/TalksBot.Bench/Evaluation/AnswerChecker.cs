using System.Text;
using System.Text.RegularExpressions;
using TalksBot.Core.Answering;

namespace TalksBot.Evaluation;

/// <summary>
/// Judges one answer against its question. Answerable: grounded, at least one citation of an article that holds the
/// fact, and every expected word group in the answer text. Uncovered: not grounded and nothing cited. Either way,
/// every extractive quote (the text before each [n]) must be found verbatim in a passage it cites.
/// </summary>
public sealed partial class AnswerChecker(string sharedRoot)
{
    public QuestionVerdict Check(EvaluationQuestion question, Answer answer, double milliseconds = 0)
    {
        var reasons = new List<string>();
        var cited = answer.Citations.Select(c => ArticleOf(c.Document)).Distinct(StringComparer.Ordinal).ToList();
        if (answer.IsRefusal) reasons.Add($"refused for another reason: \"{answer.Text}\"");

        if (question.Covered)
        {
            if (!answer.Grounded) reasons.Add("not grounded (answered as not covered)");
            var expected = question.Articles ?? [];
            if (answer.Citations.Count == 0) reasons.Add("no citation");
            else if (!answer.Citations.Any(c => expected.Any(e => IsArticle(c.Document, e))))
            {
                reasons.Add($"cites none of the expected articles (cited {string.Join(", ", cited)})");
            }
            var text = Normalize(answer.Text);
            foreach (var group in question.MustContain ?? [])
            {
                if (!group.Any(word => ContainsWord(text, Normalize(word)))) reasons.Add($"missing {string.Join(" | ", group.Select(w => $"\"{w}\""))}");
            }
        }
        else
        {
            if (answer.Grounded) reasons.Add("answered although the articles don't cover it");
            if (answer.Citations.Count > 0) reasons.Add($"cites {string.Join(", ", cited)}");
        }

        int quotes = 0, verbatim = 0;
        if (answer.Mode == AnswerMode.Extractive)
        {
            foreach (var (quote, numbers) in Quotes(answer.Text))
            {
                quotes++;
                var passages = numbers.Select(n => answer.Citations.FirstOrDefault(c => c.Number == n)).OfType<Citation>().ToList();
                if (passages.Count > 0 && passages.Any(c => IsVerbatim(quote, c.Quote))) verbatim++;
                else reasons.Add($"quote not verbatim in its passage [{string.Join("][", numbers)}]: \"{Shorten(quote, 160)}\"");
            }
        }
        return new QuestionVerdict(question, reasons.Count == 0, reasons, answer.Text, answer.Grounded, cited, quotes, verbatim, milliseconds, answer.Mode);
    }

    /// <summary>The cited document as a path relative to the shared folder ("corpora/talks-2025-2026/x.md") when it lies under it.</summary>
    public string ArticleOf(string document)
    {
        var doc = document.Replace('\\', '/');
        var root = sharedRoot.Replace('\\', '/').TrimEnd('/') + "/";
        return doc.StartsWith(root, StringComparison.Ordinal) ? doc[root.Length..] : doc;
    }

    /// <summary>Whether a citation's document is the expected file (a document may carry a suffix such as "#2" for an item of a dump).</summary>
    public bool IsArticle(string document, string expected)
    {
        var doc = ArticleOf(document);
        var want = expected.Replace('\\', '/').TrimStart('/');
        return doc == want || doc.EndsWith("/" + want, StringComparison.Ordinal) || doc.StartsWith(want + "#", StringComparison.Ordinal);
    }

    /// <summary>
    /// The quotes of an extractive answer: the text before each [n] back to the previous marker or line break, with
    /// wrapping quotation marks, list bullets and a leading date ("19 Jan 2026 — ") taken off; adjacent markers
    /// ("…[1][2]") cite one quote.
    /// </summary>
    public static IReadOnlyList<(string Quote, IReadOnlyList<int> Numbers)> Quotes(string text)
    {
        var result = new List<(string Quote, List<int> Numbers)>();
        int from = 0;
        foreach (Match m in MarkerPattern().Matches(text))
        {
            var segment = text[from..m.Index];
            from = m.Index + m.Length;
            int n = int.Parse(m.Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture);
            if (string.IsNullOrWhiteSpace(segment))
            {
                if (result.Count > 0) result[^1].Numbers.Add(n);
                continue;
            }
            int line = segment.LastIndexOf('\n');
            if (line >= 0) segment = segment[(line + 1)..];
            var quote = CleanQuote(segment);
            if (quote.Length > 0) result.Add((quote, [n]));
        }
        return result.Select(r => (r.Quote, (IReadOnlyList<int>)r.Numbers)).ToList();
    }

    /// <summary>Verbatim up to runs of white space; an ellipsis (an elision the writer marked) splits the quote into parts, each verbatim.</summary>
    public static bool IsVerbatim(string quote, string passage)
    {
        var p = CollapseSpace(passage);
        var parts = quote.Split(["…", "..."], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length > 0 && parts.All(part => p.Contains(CollapseSpace(part), StringComparison.Ordinal));
    }

    /// <summary>Lower case, typographic quotes and dashes made plain, white space collapsed: how expected words are compared.</summary>
    public static string Normalize(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            // Zero-width characters sit inside some scraped text ("five \u200Byears"); they are not part of the word.
            if (ch is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF') continue;
            sb.Append(ch switch
            {
                '\u2018' or '\u2019' or '\u02BC' or '\u2032' => '\'',
                '\u201C' or '\u201D' or '\u00AB' or '\u00BB' or '\u201E' => '"',
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212' => '-',
                '\u00A0' or '\u202F' or '\u2009' => ' ',
                _ => char.ToLowerInvariant(ch),
            });
        }
        return CollapseSpace(sb.ToString());
    }

    /// <summary>
    /// An expected word matches as a whole word, or followed by a plural "s"/"es" ("prisoner" matches "prisoners", "pow"
    /// does not match "power"); a number does not match inside a longer one ("314" not in "3140").
    /// </summary>
    public static bool ContainsWord(string normalizedText, string normalizedWord)
    {
        if (normalizedWord.Length == 0) return true;
        int at = 0;
        while ((at = normalizedText.IndexOf(normalizedWord, at, StringComparison.Ordinal)) >= 0)
        {
            bool startOk = at == 0 || !char.IsLetterOrDigit(normalizedText[at - 1]) || !char.IsLetterOrDigit(normalizedWord[0]);
            int end = at + normalizedWord.Length;
            int tail = end;
            while (tail < normalizedText.Length && char.IsLetterOrDigit(normalizedText[tail])) tail++;
            var rest = normalizedText.AsSpan(end, tail - end);
            bool endOk = !char.IsLetterOrDigit(normalizedWord[^1]) || rest.IsEmpty || (char.IsLetter(normalizedWord[^1]) && (rest is "s" or "es"));
            if (startOk && endOk) return true;
            at++;
        }
        return false;
    }

    private static string CleanQuote(string segment)
    {
        var s = segment.Trim();
        s = BulletPattern().Replace(s, "");
        s = DatePrefixPattern().Replace(s, "");
        s = s.Trim().Trim('"', '\u201C', '\u201D', '\u00AB', '\u00BB', '\u201E', '>').Trim();
        return s;
    }

    private static string CollapseSpace(string s) => SpacePattern().Replace(s, " ").Trim();

    private static string Shorten(string s, int max) => s.Length <= max ? s : s[..max] + "…";

    [GeneratedRegex(@"\[(\d{1,3})\]")]
    private static partial Regex MarkerPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex SpacePattern();

    [GeneratedRegex(@"^(?:[-*•>]\s+|\d{1,2}[.)]\s+)")]
    private static partial Regex BulletPattern();

    // "19 Jan 2026 — ", "January 2026 – ", "2026-01-19: " before a dated point of a timeline answer.
    [GeneratedRegex(@"^(?:\d{1,2}\s+\p{L}{3,9}\.?\s+\d{4}|\p{L}{3,9}\s+\d{1,2},?\s+\d{4}|\p{L}{3,9}\s+\d{4}|\d{4}-\d{2}-\d{2})\s*[—–:-]\s+")]
    private static partial Regex DatePrefixPattern();
}
