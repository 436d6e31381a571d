using System.Text.RegularExpressions;
using TalksBot.Core.Retrieval;

namespace TalksBot.Core.Answering.Llm;

/// <summary>
/// Checks a model's reply against the passages it was given: markers that point at no passage are removed, the rest
/// renumbered 1..n in order of first use, and only cited passages become citations. A model can't cite what it
/// wasn't shown, and can't make the source list longer than what it used.
/// </summary>
public static partial class CitationValidator
{
    /// <summary>What the model is told to answer when the passages don't cover the question.</summary>
    public const string NotCoveredToken = "NOT_COVERED";

    public sealed record Result(string Text, IReadOnlyList<Citation> Citations, bool NotCovered, int RemovedMarkers);

    public static Result Validate(string reply, IReadOnlyList<RetrievedPassage> passages)
    {
        var text = StripSourceList(reply.Trim());
        if (text.StartsWith(NotCoveredToken, StringComparison.OrdinalIgnoreCase) || text.Length == 0)
        {
            return new Result("", [], true, 0);
        }
        var list = new CitationList();
        int removed = 0;
        text = Marker().Replace(text, m =>
        {
            var numbers = m.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var kept = new List<int>();
            foreach (var raw in numbers)
            {
                if (int.TryParse(raw, out var n) && n >= 1 && n <= passages.Count) kept.Add(list.NumberFor(passages[n - 1]));
                else removed++;
            }
            return string.Concat(kept.Distinct().Select(k => $"[{k}]"));
        });
        // Removing a marker can leave "word ." or double spaces behind.
        text = SpaceBeforePunctuation().Replace(text, "$1");
        text = DoubleSpace().Replace(text, " ").Trim();
        return new Result(text, list.Citations, false, removed);
    }

    /// <summary>Drops a trailing "Sources:" block the model may add; the bot builds the source list itself.</summary>
    private static string StripSourceList(string text)
    {
        var m = SourcesHeading().Match(text);
        return m.Success ? text[..m.Index].TrimEnd() : text;
    }

    [GeneratedRegex(@"\[(\s*\d+(?:\s*,\s*\d+)*\s*)\]")]
    private static partial Regex Marker();

    [GeneratedRegex(@"[ \t]+([.,;:!?])")]
    private static partial Regex SpaceBeforePunctuation();

    [GeneratedRegex(@"[ \t]{2,}")]
    private static partial Regex DoubleSpace();

    [GeneratedRegex(@"\n\s*(\*\*)?(Sources|References|Citations)(\*\*)?:?\s*\n", RegexOptions.IgnoreCase)]
    private static partial Regex SourcesHeading();
}
