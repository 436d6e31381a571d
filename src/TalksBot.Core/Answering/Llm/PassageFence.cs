using System.Globalization;
using System.Text;
using TalksBot.Core.Conversations;
using TalksBot.Core.Retrieval;

namespace TalksBot.Core.Answering.Llm;

/// <summary>
/// Puts article text and conversation text in front of the model as data: each passage inside a numbered
/// &lt;passage&gt; element whose content and attributes are escaped, so no text in an article can close the fence,
/// forge a system message or open a new instruction block.
/// </summary>
public static class PassageFence
{
    public static string Passages(IReadOnlyList<RetrievedPassage> passages)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < passages.Count; i++)
        {
            var a = passages[i].Article;
            sb.Append(CultureInfo.InvariantCulture, $"<passage n=\"{i + 1}\" title=\"{Escape(a.Title)}\" outlet=\"{Escape(a.Outlet)}\" date=\"{ChatTexts.Date(a.Published)}\">\n");
            sb.Append(Escape(passages[i].Text));
            sb.Append("\n</passage>\n");
        }
        return sb.ToString().TrimEnd();
    }

    public static string Conversation(IReadOnlyList<ConversationTurn> history)
    {
        if (history.Count == 0) return "(no earlier questions)";
        var sb = new StringBuilder("<conversation>\n");
        foreach (var turn in history)
        {
            sb.Append("<user>").Append(Escape(turn.Question)).Append("</user>\n");
            sb.Append("<assistant>").Append(Escape(Shorten(turn.Answer, 600))).Append("</assistant>\n");
        }
        return sb.Append("</conversation>").ToString();
    }

    /// <summary>Escapes markup characters so fenced text stays text.</summary>
    public static string Escape(string text) =>
        text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;");

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..max] + "…";
}
