using System.Text.RegularExpressions;

namespace TalksBot.Telegram.Tests;

/// <summary>
/// The fake Bot API's check of parse_mode=HTML text, as strict as Telegram's: only its tags, every tag closed in order,
/// only the named entities &amp;lt; &amp;gt; &amp;amp; &amp;quot; and numeric ones, no stray "&lt;" or "&amp;".
/// </summary>
internal static partial class TelegramHtml
{
    private static readonly HashSet<string> Tags = ["b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre", "tg-spoiler", "span", "blockquote", "tg-emoji"];

    [GeneratedRegex("""\G<(/?)([a-z-]+)((?:\s+[a-z-]+="[^"<>]*")*)\s*>""")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\G&(?:lt|gt|amp|quot|#\d{1,7}|#x[0-9a-fA-F]{1,6});")]
    private static partial Regex Entity();

    /// <returns>What Telegram would complain about, or null when the text parses.</returns>
    public static string? Problem(string text)
    {
        var open = new Stack<string>();
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '<')
            {
                var m = Tag().Match(text, i);
                if (!m.Success) return $"unexpected \"<\" at byte offset {i}";
                var name = m.Groups[2].Value;
                if (!Tags.Contains(name)) return $"unsupported start tag \"{name}\" at byte offset {i}";
                if (m.Groups[1].Value == "/")
                {
                    if (open.Count == 0 || open.Pop() != name) return $"unexpected end tag at byte offset {i}";
                }
                else open.Push(name);
                i += m.Length - 1;
            }
            else if (text[i] == '&')
            {
                var m = Entity().Match(text, i);
                if (!m.Success) return $"unsupported entity at byte offset {i}";
                i += m.Length - 1;
            }
        }
        return open.Count == 0 ? null : $"can't find end tag corresponding to start tag \"{open.Peek()}\"";
    }
}
