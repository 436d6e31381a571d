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
                // A scraped footnote marker glued to the full stop ends the sentence with it: "…support.25 Perhaps…",
                // "…in August 2025.26 Still…" (not a decimal: a word or a year before it, a capital after).
                if (c == '.' && FootnoteAfter(text, start, i, end, to) is > 0 and var digits) end += digits;
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

    /// <summary>
    /// The parts of a sentence a scrape glued together by losing the space after a full stop ("…will enter the
    /// alliance.However, we have heard…", "…said the Ukrainian expert.Grabski added…"), each an exact substring of it.
    /// Not part of <see cref="SplitRanges(string)"/>: passages are cut as indexed, and a glued run often holds a fact with
    /// the context that names it; this is for reading a run too long to quote whole.
    /// </summary>
    public static IEnumerable<string> SplitGlued(string sentence)
    {
        int start = 0;
        for (int i = 0; i < sentence.Length; i++)
        {
            if (sentence[i] is not ('.' or '!' or '?')) continue;
            int end = i + 1;
            while (end < sentence.Length && sentence[end] is '"' or '\'' or '”' or '’' or ')' or '»') end++;
            if (!GluedAfter(sentence, start, i, end, sentence.Length)) continue;
            if (HasContent(sentence, start, end)) yield return sentence[Trim(sentence, start, end)];
            start = end;
            i = end - 1;
        }
        if (HasContent(sentence, start, sentence.Length)) yield return sentence[Trim(sentence, start, sentence.Length)];
    }

    /// <summary>
    /// How many digits of a footnote marker follow the full stop at <paramref name="dot"/> (0 for none): one to three
    /// digits right after it, then a space and a capital, after a lowercase word, a closing quote or bracket, or a year.
    /// </summary>
    private static int FootnoteAfter(string text, int start, int dot, int end, int to)
    {
        if (end != dot + 1) return 0;
        int digits = 0;
        while (end + digits < to && char.IsAsciiDigit(text[end + digits])) digits++;
        if (digits is 0 or > 3 || end + digits + 1 >= to || text[end + digits] != ' ' || !char.IsUpper(text[end + digits + 1])) return 0;
        if (dot - 1 < start) return 0;
        char before = text[dot - 1];
        if (char.IsLower(before) || before is '"' or '”' or '’' or ')') return digits;
        // A year: four digits after a space.
        return dot - 5 >= start && text[dot - 5] == ' ' && !text.AsSpan(dot - 4, 4).ContainsAnyExceptInRange('0', '9') ? digits : 0;
    }

    /// <summary>
    /// A scrape that lost the space after a full stop ("…will enter the alliance.However, we have heard…", "…said the
    /// Ukrainian expert.Grabski added…"): the stop ends a sentence when a lowercase word of two letters or more (no
    /// abbreviation, no part of a web address) comes before it and a capitalised word right after.
    /// </summary>
    private static bool GluedAfter(string text, int start, int stop, int end, int to)
    {
        if (end + 1 >= to) return false;
        bool next = char.IsUpper(text[end]) && char.IsLower(text[end + 1]);
        if (!next) return false;
        int w = stop - 1;
        while (w >= start && char.IsLower(text[w])) w--;
        if (stop - 1 - w < 2) return false;
        if (w >= start && text[w] is '.' or '/' or '@' or '_') return false;
        return text[stop] != '.' || !IsAbbreviation(text, start, stop);
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
