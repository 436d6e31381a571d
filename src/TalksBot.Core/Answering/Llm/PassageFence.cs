using System.Globalization;
using System.Text;
using TalksBot.Core.Conversations;
using TalksBot.Core.Retrieval;

namespace TalksBot.Core.Answering.Llm;

/// <summary>
/// Puts article text and conversation text in front of the model as data: each passage inside a numbered
/// &lt;passage&gt; element whose text has its angle brackets neutralised, so no text in an article can close the
/// fence, forge a system message or open a new instruction block. Only what could break the fence is changed:
/// quotation marks, apostrophes and ampersands reach the model as written (inside attribute values a double quote
/// is encoded too, since it would end the value).
/// </summary>
public static class PassageFence
{
    public static string Passages(IReadOnlyList<RetrievedPassage> passages) =>
        Numbered(passages.Select((p, i) => (i + 1, p)));

    /// <summary>Passages under the numbers they were given (a further search continues the numbering).</summary>
    public static string Numbered(IEnumerable<(int Number, RetrievedPassage Passage)> passages)
    {
        var sb = new StringBuilder();
        foreach (var (number, passage) in passages)
        {
            var a = passage.Article;
            sb.Append(CultureInfo.InvariantCulture, $"<passage n=\"{number}\" title=\"{Attribute(a.Title)}\" outlet=\"{Attribute(a.Outlet)}\" date=\"{ChatTexts.Date(a.Published)}\">\n");
            sb.Append(Escape(passage.Text));
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

    /// <summary>Neutralises the angle brackets of fenced text, so it can open or close no element.</summary>
    public static string Escape(string text) => text.Replace("<", "&lt;").Replace(">", "&gt;");

    private static string Attribute(string text) => Escape(text).Replace("\"", "&quot;");

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..max] + "…";
}
