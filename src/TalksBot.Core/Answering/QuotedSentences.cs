using System.Text.RegularExpressions;

namespace TalksBot.Core.Answering;

/// <summary>
/// The quotes of an extractive answer, each with the [n] markers after it, so every platform can show them as
/// quotes (a Telegram blockquote, a Discord "&gt;" line) rather than as the bot's own words. Empty for a model's
/// answer or a refusal: those are the bot speaking.
/// </summary>
public static partial class QuotedSentences
{
    /// <returns>
    /// Each quote with its markers, and the date of its report when the answer is dated (a timeline or the latest
    /// news: "19 Jan 2026 — sentence [1]"); the date is the bot's, shown beside the quote, not in it.
    /// </returns>
    public static IReadOnlyList<(string Quote, string Markers, string? Date)> Of(Answer answer)
    {
        if (answer.Mode != AnswerMode.Extractive || !answer.Grounded || answer.IsRefusal || answer.Citations.Count == 0) return [];
        var quotes = new List<(string, string, string?)>();
        foreach (Match m in Quote().Matches(answer.Text))
        {
            var date = m.Groups["date"];
            quotes.Add((m.Groups["quote"].Value.Trim(), m.Groups["markers"].Value, date.Success ? date.Value : null));
        }
        return quotes;
    }

    // A quote runs to the markers that end it: "sentence [1]" or "sentence [1][2]", then a space, a line break or the
    // end; a dated answer's line starts with its report's date ("19 Jan 2026 — ").
    [GeneratedRegex(@"(?:(?<date>\b\d{1,2} [A-Z][a-z]{2} \d{4}) — )?(?<quote>[^\n]+?)\s(?<markers>(?:\[\d+\])+)(?=\s|$)")]
    private static partial Regex Quote();
}
