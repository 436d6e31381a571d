namespace TalksBot.Core.Articles;

/// <summary>
/// Splits text into sentences that are exact substrings of the input, so a quoted sentence can always be found
/// in the passage it came from. Paragraph breaks always end a sentence.
/// </summary>
public static class SentenceSplitter
{
    // Abbreviations after which a period rarely ends a sentence in news copy.
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "sen", "rep", "gov", "pres", "st",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "no", "vs", "etc", "inc", "ltd", "co", "corp", "jr", "sr", "u.s", "u.n", "u.k", "e.u", "a.m", "p.m", "i.e", "e.g",
    };

    public static IEnumerable<Range> SplitRanges(string text)
    {
        int start = 0;
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '\n')
            {
                if (HasContent(text, start, i)) yield return Trim(text, start, i);
                start = i + 1;
                i++;
                continue;
            }
            if (c is '.' or '!' or '?' or '…')
            {
                int end = i + 1;
                // Swallow runs of terminators and closing quotes/brackets: ...?!" or .)
                while (end < text.Length && (text[end] is '.' or '!' or '?' or '"' or '\'' or '”' or '’' or ')' or '»')) end++;
                if (end >= text.Length || char.IsWhiteSpace(text[end]))
                {
                    int next = end;
                    while (next < text.Length && text[next] is ' ' or '\t' or '\r') next++;
                    bool boundary = next >= text.Length || text[next] == '\n' || StartsSentence(text[next]);
                    if (boundary && c == '.' && IsAbbreviation(text, start, i)) boundary = false;
                    if (boundary)
                    {
                        if (HasContent(text, start, end)) yield return Trim(text, start, end);
                        start = end;
                        i = end;
                        continue;
                    }
                }
                i = end;
                continue;
            }
            i++;
        }
        if (HasContent(text, start, text.Length)) yield return Trim(text, start, text.Length);
    }

    public static IEnumerable<string> Split(string text)
    {
        foreach (var r in SplitRanges(text)) yield return text[r];
    }

    private static bool StartsSentence(char c) =>
        char.IsUpper(c) || char.IsDigit(c) || c is '"' or '“' or '‘' or '\'' or '(' or '[' or '«' or '—' or '-';

    private static bool IsAbbreviation(string text, int sentenceStart, int dot)
    {
        int w = dot - 1;
        while (w >= sentenceStart && (char.IsLetter(text[w]) || text[w] == '.')) w--;
        var word = text.AsSpan(w + 1, dot - w - 1);
        if (word.Length == 0) return false;
        if (word.Length == 1 && char.IsUpper(word[0])) return true; // initials: "J. Smith"
        return Abbreviations.Contains(word.ToString());
    }

    private static bool HasContent(string text, int start, int end)
    {
        for (int i = start; i < end; i++) if (!char.IsWhiteSpace(text[i])) return true;
        return false;
    }

    private static Range Trim(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        return new Range(start, end);
    }
}
