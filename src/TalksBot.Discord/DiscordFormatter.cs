using System.Text;
using System.Text.RegularExpressions;
using TalksBot.Core.Answering;
using TalksBot.Core.Chat;
using TalksBot.Core.Conversations;
using TalksBot.Discord.Types;

namespace TalksBot.Discord;

/// <summary>
/// Answers as Discord embeds within Discord's limits: the answer with its [n] markers as the description, the sources
/// as fields (title linked, outlet, date), split into follow-ups when they don't fit. Text from articles and users is
/// escaped so markdown, masked links and mentions stay text (allowed_mentions also forbids every ping). The question
/// heads the answer as its author line (plain text there), so others in the channel see what was asked; the buttons
/// go under the last message.
/// </summary>
public static partial class DiscordFormatter
{
    public const int MaxDescription = 4096, MaxFields = 25, MaxFieldName = 256, MaxFieldValue = 1024, MaxTotal = 6000, MaxContent = 2000, MaxAuthor = 256;

    public static string Escape(string text)
    {
        var escaped = Markdown().Replace(text, @"\$0");
        // A zero-width space after @ turns @everyone / @here into text even where mentions would be parsed.
        return escaped.Replace("@", "@\u200b");
    }

    /// <summary>The first message (embeds) and any follow-ups, each within the limits.</summary>
    public static IReadOnlyList<MessagePayload> Answer(ChatAnswer chatAnswer)
    {
        var answer = chatAnswer.Answer;
        var quotes = QuotedSentences.Of(answer);
        // Verbatim sentences from articles as block quotes ("> "), each with its markers: not the bot's own words.
        // A dated answer's date is the bot's, on a line of its own above its quote.
        var body = quotes.Count > 0
            ? string.Join("\n", quotes.Select(q => (q.Date is { } date ? $"**{Escape(date)}**\n" : "") + $"> {Escape(q.Quote)} {Escape(q.Markers)}"))
            : Escape(answer.Text);
        var description = (answer.Notice is { } n ? $"*{Escape(n)}*\n\n" : "") + body;
        var descriptions = Chunk(description, MaxDescription).ToList();
        var fields = answer.Citations.Select(c => new EmbedField(Truncate($"[{c.Number}] {Escape(c.Title)}", MaxFieldName), SourceLine(c))).ToList();

        var messages = new List<MessagePayload>();
        var embeds = new List<Embed>();
        for (int i = 0; i < descriptions.Count; i++) embeds.Add(new Embed { Description = descriptions[i], Color = 0x2B6CB0 });
        var author = Author(chatAnswer.Question);
        embeds[0] = embeds[0] with { Author = author };
        var footer = answer.Citations.Count > 0 ? new EmbedFooter($"{answer.Citations.Count} source(s) · {(answer.Mode == AnswerMode.Llm ? "written by a language model from the sources" : "quoted from the sources")}") : null;
        int total = descriptions[^1].Length + (descriptions.Count == 1 ? author?.Name.Length ?? 0 : 0);
        AddExcerpts(answer, fields, total + (footer?.Text.Length ?? 0));
        // Sources go into the last description's embed, then into more embeds of up to 25 fields.
        var pending = new Queue<EmbedField>(fields);
        var current = embeds[^1];
        var currentFields = new List<EmbedField>();
        while (pending.Count > 0)
        {
            var f = pending.Peek();
            if (currentFields.Count == MaxFields || total + f.Name.Length + f.Value.Length > MaxTotal)
            {
                embeds[^1] = current with { Fields = currentFields };
                current = new Embed { Color = 0x2B6CB0 };
                embeds.Add(current);
                currentFields = [];
                total = 0;
            }
            currentFields.Add(pending.Dequeue());
            total += f.Name.Length + f.Value.Length;
        }
        if (currentFields.Count > 0) embeds[^1] = current with { Fields = currentFields };
        if (footer is not null) embeds[^1] = embeds[^1] with { Footer = footer };

        // One embed per message keeps every message under the 6,000-character total.
        foreach (var e in embeds) messages.Add(new MessagePayload { Embeds = [e], Content = "" });
        if (chatAnswer.Buttons.Count > 0)
            messages[^1] = messages[^1] with { Components = [Component.ActionRow(chatAnswer.Buttons.Select(b => Component.Button(b.Label, b.Data)))] };
        return messages;
    }

    /// <summary>
    /// Under each source's line, the sentence it was cited for as a quote line — only while every source still fits
    /// in the last embed of the answer (<paramref name="used"/> characters taken by the rest of it) and each field in
    /// its 1,024 characters: an excerpt is a help to the reader, never worth another message.
    /// </summary>
    private static void AddExcerpts(Answer answer, List<EmbedField> fields, int used)
    {
        if (fields.Count > MaxFields) return;
        var excerpts = SourceExcerpts.Of(answer);
        int budget = MaxTotal - used - fields.Sum(f => f.Name.Length + f.Value.Length);
        for (int i = 0; i < fields.Count && i < answer.Citations.Count; i++)
        {
            if (!excerpts.TryGetValue(answer.Citations[i].Number, out var excerpt)) continue;
            var quote = "\n> " + Escape(excerpt);
            if (quote.Length > budget || fields[i].Value.Length + quote.Length > MaxFieldValue) break;
            fields[i] = fields[i] with { Value = fields[i].Value + quote };
            budget -= quote.Length;
        }
    }

    /// <summary>
    /// The outlet linked to the article, and the date. A link that doesn't fit in a field value is left out rather than
    /// cut (a cut link shows as broken markdown): the outlet stands as text.
    /// </summary>
    private static string SourceLine(Citation c)
    {
        var date = ChatTexts.Date(c.Published);
        if (c.Url is { } url && Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https")
        {
            var linked = $"[{EscapeLinkText(c.Outlet.Length > 0 ? c.Outlet : u.Host)}](<{url.Replace(">", "%3E")}>), {date}";
            if (linked.Length <= MaxFieldValue) return linked;
            return Truncate($"{Escape(c.Outlet.Length > 0 ? c.Outlet : u.Host)}, {date}", MaxFieldValue);
        }
        return Truncate($"{Escape(c.Outlet)}, {date}", MaxFieldValue);
    }

    /// <summary>The bot's own words as content: escaped, except web addresses, which stay clickable (in &lt;…&gt;, so without a preview).</summary>
    public static MessagePayload Plain(string text, bool ephemeral = false) =>
        new() { Content = Truncate(EscapeKeepingLinks(text), MaxContent), Flags = ephemeral ? MessageFlags.Ephemeral : null, Embeds = [], Components = [] };

    /// <summary>A draft (already cut to the draft length by the front end), headed by the question like the answer.</summary>
    public static MessagePayload Draft(string text, string? question = null) =>
        new() { Content = "", Embeds = [new Embed { Author = Author(question), Description = Truncate(Escape(text), MaxDescription), Color = 0x718096 }] };

    private static EmbedAuthor? Author(string? question) =>
        string.IsNullOrWhiteSpace(question) ? null : new EmbedAuthor(Truncate("❓ " + string.Join(' ', question.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), MaxAuthor));

    private static string EscapeKeepingLinks(string text)
    {
        var sb = new StringBuilder();
        int at = 0;
        foreach (Match m in Link().Matches(text))
        {
            sb.Append(Escape(text[at..m.Index]));
            // Inside <…> Discord reads the address as a link, not markdown; an @ stays broken so nothing can ping.
            sb.Append('<').Append(m.Value.Replace("@", "%40")).Append('>');
            at = m.Index + m.Length;
        }
        sb.Append(Escape(text[at..]));
        return sb.ToString();
    }

    private static string EscapeLinkText(string text) => Escape(text).Replace("[", "(").Replace("]", ")");

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static IEnumerable<string> Chunk(string text, int max)
    {
        while (text.Length > max)
        {
            int cut = text.LastIndexOf("\n\n", max - 1, StringComparison.Ordinal);
            if (cut <= 0) cut = text.LastIndexOf(' ', max - 1);
            if (cut <= 0) cut = max;
            yield return text[..cut].TrimEnd();
            text = text[cut..].TrimStart();
        }
        yield return text;
    }

    [GeneratedRegex(@"https?://[^\s<>()\[\]]+[^\s<>()\[\].,;:!?'""”’]")]
    private static partial Regex Link();

    [GeneratedRegex(@"[\\*_~`|>\[\]()#<:-]")]
    private static partial Regex Markdown();
}
