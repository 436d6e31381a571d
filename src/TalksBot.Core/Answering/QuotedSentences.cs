using System.Text.RegularExpressions;

namespace TalksBot.Core.Answering;

/// <summary>
/// The quotes of an extractive answer, each with the [n] markers after it, so every platform can show them as
/// quotes (a Telegram blockquote, a Discord "&gt;" line) rather than as the bot's own words. Empty for a model's
/// answer or a refusal: those are the bot speaking.
/// </summary>
public static partial class QuotedSentences
{
    public static IReadOnlyList<(string Quote, string Markers)> Of(Answer answer)
    {
        if (answer.Mode != AnswerMode.Extractive || !answer.Grounded || answer.IsRefusal || answer.Citations.Count == 0) return [];
        var quotes = new List<(string, string)>();
        foreach (Match m in Quote().Matches(answer.Text)) quotes.Add((m.Groups["quote"].Value.Trim(), m.Groups["markers"].Value));
        return quotes;
    }

    // A quote runs to the markers that end it: "sentence [1]" or "sentence [1][2]", then a space, a line break or the end.
    [GeneratedRegex(@"(?<quote>[^\n]+?)\s(?<markers>(?:\[\d+\])+)(?=\s|$)")]
    private static partial Regex Quote();
}
