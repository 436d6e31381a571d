using System.Net;
using System.Text;
using TalksBot.Core.Answering;
using TalksBot.Core.Chat;
using TalksBot.Core.Conversations;
using Telegram.Bot.Types.ReplyMarkups;

namespace TalksBot.Telegram;

/// <summary>
/// Answers and bot texts as Telegram HTML: everything from articles and users escaped, citations as links, and
/// messages split at 4,096 characters on paragraph boundaries; a paragraph longer than a message is cut between
/// entities (never inside a tag, a link or an &amp;entity;), closing what is open at the cut and reopening it after.
/// </summary>
public static class TelegramFormatter
{
    public const int MaxMessageLength = 4096;

    /// <summary>
    /// A source's address longer than this is not linked (its title is shown as text): browsers and servers commonly
    /// refuse longer URLs, and a link must fit in one message with its title.
    /// </summary>
    public const int MaxLinkLength = 2048;

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
            // A dated answer's date is the bot's, above its quote.
            paragraphs.AddRange(quotes.Select(q => (q.Date is { } date ? $"<b>{Escape(date)}</b>\n" : "") + $"<blockquote>{Escape(q.Quote)} {Escape(q.Markers)}</blockquote>"));
        }
        else paragraphs.AddRange(answer.Text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Select(p => Escape(p.Trim())));
        if (answer.Citations.Count > 0)
        {
            paragraphs.Add("<b>Sources</b>");
            int firstSource = paragraphs.Count;
            foreach (var c in answer.Citations)
            {
                var outlet = c.Outlet.Length > 0 ? $" — {Escape(c.Outlet)}" : "";
                string Line(string title) => $"[{c.Number}] {title}{outlet}, {ChatTexts.Date(c.Published)}";
                var linked = c.Url is { Length: <= MaxLinkLength } url && Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https"
                    ? Line($"<a href=\"{Attribute(url)}\">{Escape(c.Title)}</a>")
                    : null;
                // A link that can't fit in one message would have to be cut; the title stands without it.
                paragraphs.Add(linked is { Length: <= MaxMessageLength } ? linked : Line(Escape(c.Title)));
            }
            AddExcerpts(answer, paragraphs, firstSource);
        }
        return Split(paragraphs);
    }

    /// <summary>
    /// Under each source line, the sentence it was cited for as a quote — only while the whole answer stays one
    /// message: an excerpt is a help to the reader, never worth a second message.
    /// </summary>
    private static void AddExcerpts(Answer answer, List<string> paragraphs, int firstSource)
    {
        var excerpts = SourceExcerpts.Of(answer);
        int length = paragraphs.Sum(p => p.Length) + 2 * (paragraphs.Count - 1);
        for (int i = 0; i < answer.Citations.Count; i++)
        {
            if (!excerpts.TryGetValue(answer.Citations[i].Number, out var excerpt)) continue;
            var quote = $"\n<blockquote>{Escape(excerpt)}</blockquote>";
            if (length + quote.Length > MaxMessageLength) break;
            paragraphs[firstSource + i] += quote;
            length += quote.Length;
        }
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

    /// <summary>
    /// Cuts a paragraph into pieces of at most a message: at the last space that fits, else between two characters,
    /// never inside a tag, an &amp;entity; or a link (a link too long for a message at all loses its tag, keeping its
    /// text). Elements open at the cut (b, i, blockquote) are closed at its end and reopened at the next piece's start.
    /// </summary>
    private static IEnumerable<string> CutLong(string paragraph)
    {
        while (paragraph.Length > MaxMessageLength)
        {
            if (FindCut(paragraph) is not var (cut, open))
            {
                paragraph = Unlink(paragraph);
                continue;
            }
            yield return paragraph[..cut].TrimEnd() + string.Concat(open.AsEnumerable().Reverse().Select(tag => $"</{TagName(tag)}>"));
            paragraph = string.Concat(open) + paragraph[cut..].TrimStart();
        }
        if (paragraph.Length > 0) yield return paragraph;
    }

    /// <returns>Where to cut and the start tags open there, or null when no cut fits (a link fills the message).</returns>
    private static (int Cut, List<string> Open)? FindCut(string text)
    {
        var open = new List<string>();
        (int Cut, List<string> Open)? atSpace = null, anywhere = null;
        bool afterText = false;
        int i = 0;
        while (i < text.Length)
        {
            int closers = open.Sum(tag => TagName(tag).Length + 3);
            if (i + closers > MaxMessageLength) break;
            int end = text[i] == '<' ? text.IndexOf('>', i) : -1;
            if (end > i)
            {
                var tag = text[i..(end + 1)];
                if (tag.StartsWith("</", StringComparison.Ordinal)) { if (open.Count > 0) open.RemoveAt(open.Count - 1); }
                else open.Add(tag);
                i = end + 1;
                afterText = false;
                continue;
            }
            // Between two characters of text, outside any link: no piece ends in an empty element or starts a link it can't finish.
            if (afterText && !open.Any(tag => TagName(tag) == "a"))
            {
                anywhere = (i, [.. open]);
                if (text[i] == ' ') atSpace = anywhere;
            }
            afterText = true;
            int semicolon = text[i] == '&' ? text.IndexOf(';', i, Math.Min(12, text.Length - i)) : -1;
            i = semicolon > i ? semicolon + 1 : char.IsHighSurrogate(text[i]) && i + 1 < text.Length ? i + 2 : i + 1;
        }
        // A space far back would waste most of the message: then between any two characters.
        return atSpace is { Cut: > MaxMessageLength / 2 } || anywhere is null ? atSpace : anywhere;
    }

    private static string TagName(string tag)
    {
        int start = tag.StartsWith("</", StringComparison.Ordinal) ? 2 : 1;
        int end = tag.IndexOfAny([' ', '>'], start);
        return tag[start..end];
    }

    /// <summary>The first link's tags removed, its text kept; with no link left, every tag removed (nothing else can block a cut).</summary>
    private static string Unlink(string paragraph)
    {
        int start = paragraph.IndexOf("<a ", StringComparison.Ordinal);
        int startEnd = start < 0 ? -1 : paragraph.IndexOf('>', start);
        if (startEnd < 0) return System.Text.RegularExpressions.Regex.Replace(paragraph, "<[^>]*>", "");
        int close = paragraph.IndexOf("</a>", startEnd, StringComparison.Ordinal);
        var unclosed = close >= 0 ? paragraph.Remove(close, 4) : paragraph;
        return unclosed.Remove(start, startEnd - start + 1);
    }
}
