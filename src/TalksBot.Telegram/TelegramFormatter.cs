using System.Net;
using System.Text;
using TalksBot.Core.Answering;
using TalksBot.Core.Chat;
using TalksBot.Core.Conversations;
using Telegram.Bot.Types.ReplyMarkups;

namespace TalksBot.Telegram;

/// <summary>
/// Answers and bot texts as Telegram HTML: everything from articles and users escaped, citations as links, and
/// messages split at 4,096 characters on paragraph boundaries (never inside a tag or an entity).
/// </summary>
public static class TelegramFormatter
{
    public const int MaxMessageLength = 4096;

    public static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    private static string Attribute(string text) => Escape(text).Replace("\"", "&quot;");

    /// <summary>An answer as one or more messages: the notice, the text with [n] markers, then the numbered sources.</summary>
    public static IReadOnlyList<string> Answer(Answer answer)
    {
        var paragraphs = new List<string>();
        if (answer.Notice is { } notice) paragraphs.Add($"<i>{Escape(notice)}</i>");
        var quotes = QuotedSentences.Of(answer);
        if (quotes.Count > 0)
        {
            // Verbatim sentences from articles, shown as quotes: the reader sees these aren't the bot's own words.
            paragraphs.AddRange(quotes.Select(q => $"<blockquote>{Escape(q.Quote)} {Escape(q.Markers)}</blockquote>"));
        }
        else paragraphs.AddRange(answer.Text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Select(p => Escape(p.Trim())));
        if (answer.Citations.Count > 0)
        {
            paragraphs.Add("<b>Sources</b>");
            foreach (var c in answer.Citations)
            {
                var title = c.Url is { } url && Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https"
                    ? $"<a href=\"{Attribute(url)}\">{Escape(c.Title)}</a>"
                    : Escape(c.Title);
                var outlet = c.Outlet.Length > 0 ? $" — {Escape(c.Outlet)}" : "";
                paragraphs.Add($"[{c.Number}] {title}{outlet}, {ChatTexts.Date(c.Published)}");
            }
        }
        return Split(paragraphs);
    }

    /// <summary>Buttons as one row of an inline keyboard; null when there are none.</summary>
    public static InlineKeyboardMarkup? Keyboard(IReadOnlyList<ChatButton> buttons) =>
        buttons.Count == 0 ? null : new InlineKeyboardMarkup(buttons.Select(b => InlineKeyboardButton.WithCallbackData(b.Label, b.Data)));

    /// <summary>
    /// A draft (already cut to the draft length by the front end) escaped; the rare draft that escaping pushes past the
    /// limit shows its first message's worth.
    /// </summary>
    public static string Draft(string text) => Split([Escape(text)])[0];

    /// <summary>Plain bot text (help, status, refusals) escaped and split.</summary>
    public static IReadOnlyList<string> Plain(string text) => Split(text.Split('\n').Select(Escape).ToList(), "\n");

    /// <summary>Packs paragraphs into messages of at most 4,096 characters; an over-long paragraph is cut at spaces.</summary>
    public static IReadOnlyList<string> Split(IReadOnlyList<string> paragraphs, string separator = "\n\n")
    {
        var messages = new List<string>();
        var current = new StringBuilder();
        foreach (var raw in paragraphs.SelectMany(CutLong))
        {
            int needed = (current.Length > 0 ? separator.Length : 0) + raw.Length;
            if (current.Length > 0 && current.Length + needed > MaxMessageLength)
            {
                messages.Add(current.ToString());
                current.Clear();
            }
            if (current.Length > 0) current.Append(separator);
            current.Append(raw);
        }
        if (current.Length > 0) messages.Add(current.ToString());
        return messages.Count > 0 ? messages : [""];
    }

    // Only escaped text ever gets this long (markup paragraphs are short); cut at a space, never inside "&amp;".
    private static IEnumerable<string> CutLong(string paragraph)
    {
        while (paragraph.Length > MaxMessageLength)
        {
            int cut = paragraph.LastIndexOf(' ', MaxMessageLength - 1);
            if (cut <= 0)
            {
                cut = MaxMessageLength;
                int amp = paragraph.LastIndexOf('&', cut - 1);
                if (amp >= 0 && paragraph.IndexOf(';', amp) >= cut) cut = amp;
            }
            yield return paragraph[..cut].TrimEnd();
            paragraph = paragraph[cut..].TrimStart();
        }
        if (paragraph.Length > 0) yield return paragraph;
    }
}
