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

    // Looked up as spans of the text: every full stop of every article asks.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> AbbreviationSpans = Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();

    public static IEnumerable<Range> SplitRanges(string text) => SplitRanges(text, 0, text.Length);

    /// <summary>
    /// The sentences of <c>text[from..to]</c>, as ranges of <paramref name="text"/>: the same as splitting that slice,
    /// without copying it.
    /// </summary>
    public static IEnumerable<Range> SplitRanges(string text, int from, int to)
    {
        int start = from;
        int i = from;
        while (i < to)
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
                while (end < to && (text[end] is '.' or '!' or '?' or '"' or '\'' or '”' or '’' or ')' or '»')) end++;
                if (end >= to || char.IsWhiteSpace(text[end]))
                {
                    int next = end;
                    while (next < to && text[next] is ' ' or '\t' or '\r') next++;
                    bool boundary = next >= to || text[next] == '\n' || StartsSentence(text[next]);
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
        if (HasContent(text, start, to)) yield return Trim(text, start, to);
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
        return AbbreviationSpans.Contains(word);
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
