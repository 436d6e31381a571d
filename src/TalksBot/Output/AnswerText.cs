using System.Text;
using TalksBot.Core.Answering;
using TalksBot.Core.Conversations;

namespace TalksBot.Output;

/// <summary>An answer as plain text for the terminal: the answer, then the numbered sources.</summary>
internal static class AnswerText
{
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
