using System.Text;
using TalksBot.Core.Answering;
using TalksBot.Core.Conversations;

namespace TalksBot.Output;

/// <summary>An answer as plain text for the terminal: the answer, then the numbered sources.</summary>
internal static class AnswerText
{
    /// <summary>
    /// The answer's text; an extractive answer's quotes each on a line of its own in quotation marks with their
    /// markers, so the articles' words never read as the bot's.
    /// </summary>
    public static string Body(Answer answer)
    {
        var quotes = QuotedSentences.Of(answer);
        if (quotes.Count == 0) return answer.Text;
        // A dated answer's date is the bot's: before the quotation marks.
        return string.Join('\n', quotes.Select(q => (q.Date is { } date ? date + ExtractiveAnswerWriter.DateSeparator : "") + $"“{q.Quote}” {q.Markers}"));
    }

    public static string Sources(Answer answer)
    {
        if (answer.Citations.Count == 0) return "";
        var sb = new StringBuilder("\nSources:\n");
        foreach (var c in answer.Citations)
        {
            sb.Append($"[{c.Number}] {c.Title} — {(c.Outlet.Length > 0 ? c.Outlet : "unknown outlet")}, {ChatTexts.Date(c.Published)}");
            sb.Append(c.Url is not null ? $". {c.Url}" : $". {c.Document}");
            sb.Append('\n');
        }
        return sb.ToString();
    }
}
