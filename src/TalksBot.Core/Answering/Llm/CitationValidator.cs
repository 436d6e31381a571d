using System.Text.RegularExpressions;
using TalksBot.Core.Retrieval;

namespace TalksBot.Core.Answering.Llm;

/// <summary>
/// Checks a model's reply against the passages it was given: markers that point at no passage are removed, the rest
/// renumbered 1..n in order of first use, and only cited passages become citations. A model can't cite what it
/// wasn't shown, and can't make the source list longer than what it used. A sentence whose every marker was invented
/// goes with its markers: the claim had no source, and leaving it uncited would present it as checked.
/// </summary>
public static partial class CitationValidator
{
    /// <summary>What the model is told to answer when the passages don't cover the question.</summary>
    public const string NotCoveredToken = "NOT_COVERED";

    /// <param name="RemovedMarkers">Markers that pointed at no passage.</param>
    /// <param name="DroppedClaims">Sentences removed because none of their markers pointed at a passage.</param>
    public sealed record Result(string Text, IReadOnlyList<Citation> Citations, bool NotCovered, int RemovedMarkers, int DroppedClaims = 0);

    public static Result Validate(string reply, IReadOnlyList<RetrievedPassage> passages)
    {
        var text = StripSourceList(reply.Trim());
        if (text.StartsWith(NotCoveredToken, StringComparison.OrdinalIgnoreCase) || text.Length == 0)
        {
            return new Result("", [], true, 0);
        }
        int removed = 0, dropped = 0;
        text = DropUnsupportedClaims(text, passages.Count, ref removed, ref dropped);
        var list = new CitationList();
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
        return new Result(text, list.Citations, false, removed, dropped);
    }

    /// <summary>
    /// Removes each sentence (or list line) that carries markers of which none is valid. A sentence with no marker at
    /// all stays: models write connecting prose ("Both sides disagree on two points:") that claims nothing by itself.
    /// </summary>
    private static string DropUnsupportedClaims(string text, int passageCount, ref int removed, ref int dropped)
    {
        var kept = new System.Text.StringBuilder(text.Length);
        foreach (Match claim in Claim().Matches(text))
        {
            var markers = Marker().Matches(claim.Value);
            var numbers = markers.SelectMany(m => m.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList();
            bool anyValid = numbers.Any(raw => int.TryParse(raw, out var n) && n >= 1 && n <= passageCount);
            if (numbers.Count > 0 && !anyValid)
            {
                removed += numbers.Count;
                dropped++;
                continue;
            }
            kept.Append(claim.Value);
        }
        // A dropped last sentence of a line leaves the space that followed the one before it.
        return TrailingSpace().Replace(kept.ToString(), "\n").Trim();
    }

    /// <summary>Drops a trailing "Sources:" block the model may add; the bot builds the source list itself.</summary>
    private static string StripSourceList(string text)
    {
        var m = SourcesHeading().Match(text);
        return m.Success ? text[..m.Index].TrimEnd() : text;
    }

    [GeneratedRegex(@"\[(\s*\d+(?:\s*,\s*\d+)*\s*)\]")]
    private static partial Regex Marker();

    // A sentence: up to its end mark (with closing quotes and any markers written after it) and the space after; or a
    // line; or a run of line breaks. "U.S. officials" doesn't end a sentence: the mark must be followed by space or the end.
    [GeneratedRegex(@"[^\n]+?(?:[.!?]+[""'”’)]*(?:[ \t]*\[[\d\s,]+\])*(?:[ \t]+|(?=\n)|$)|(?=\n)|$)|\n+")]
    private static partial Regex Claim();

    [GeneratedRegex(@"[ \t]+([.,;:!?])")]
    private static partial Regex SpaceBeforePunctuation();

    [GeneratedRegex(@"[ \t]+\n")]
    private static partial Regex TrailingSpace();

    [GeneratedRegex(@"[ \t]{2,}")]
    private static partial Regex DoubleSpace();

    [GeneratedRegex(@"\n\s*(\*\*)?(Sources|References|Citations)(\*\*)?:?\s*\n", RegexOptions.IgnoreCase)]
    private static partial Regex SourcesHeading();
}
