namespace TalksBot.Core.Retrieval;

/// <summary>
/// What a transliterated name sounds like, for telling spellings of one name from other names: a Polish report writes
/// "Medwedczuk", "Kabajewa", "Szojgu", "Ławrow" for Medvedchuk, Kabaeva, Shoigu and Lavrov. It reads index terms, whose
/// letters the analyzer has already folded ("Ławrow" is "lawrow").
/// </summary>
public static class NameSound
{
    /// <summary>
    /// The first letter, the consonants after it (v for w, ch for cz, sh for sz, h for ch and kh, z for zh, one of a
    /// doubled letter) and the kind of the last letter, so "Zelensky" sounds like "Zelenski" but not like "Zelenska".
    /// </summary>
    public static string Of(string name)
    {
        var s = name.ToLowerInvariant().Replace('w', 'v')
            .Replace("cz", "ch").Replace("sz", "sh").Replace("kh", "h").Replace("ch", "h").Replace("zh", "z");
        if (s.Length == 0) return s;
        var sound = new System.Text.StringBuilder().Append(s[0]);
        for (int i = 1; i < s.Length; i++)
        {
            char c = s[i];
            if ("aeiouyj".Contains(c) || c == sound[^1]) continue;
            sound.Append(c);
        }
        return sound.Append('|').Append(Ending(s[^1])).ToString();
    }

    /// <summary>Whether two names end alike, as <see cref="Of"/> compares them: a cheap test to make before it.</summary>
    public static bool SameEnding(string a, string b) => a.Length > 0 && b.Length > 0 && EndOf(a) == EndOf(b);

    // The last letter after Of's replacements, without making them: "-zh" ends in z, "-cz" and "-sz" in h.
    private static char EndOf(string name)
    {
        var end = name.AsSpan(Math.Max(0, name.Length - 2));
        if (end.Equals("zh", StringComparison.OrdinalIgnoreCase)) return 'z';
        if (end.Equals("cz", StringComparison.OrdinalIgnoreCase) || end.Equals("sz", StringComparison.OrdinalIgnoreCase)) return 'h';
        char last = char.ToLowerInvariant(name[^1]);
        return Ending(last is 'w' ? 'v' : last);
    }

    // The ending tells a man's name from a woman's ("-y", "-i" alike; "-a" apart).
    private static char Ending(char last) => last is 'y' or 'i' or 'j' ? 'i' : last;
}
