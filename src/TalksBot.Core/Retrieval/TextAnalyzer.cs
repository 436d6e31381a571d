using System.Reflection;
using System.Text;

namespace TalksBot.Core.Retrieval;

/// <summary>
/// Turns text into index terms the same way for articles and questions: words (possessives and punctuation
/// dropped), lowercased, diacritics folded, stop words removed, name variants mapped to one spelling, stemmed.
/// </summary>
public sealed class TextAnalyzer
{
    private static readonly HashSet<string> RecencyWords = new(StringComparer.Ordinal)
    {
        "latest", "newest", "recent", "recently", "lately", "current", "currently", "today", "now", "update", "updates", "new",
    };

    private readonly Dictionary<string, string> _variants;
    private readonly HashSet<string> _stopWords;

    public TextAnalyzer(IReadOnlyDictionary<string, string> variants, IEnumerable<string> stopWords)
    {
        _variants = new Dictionary<string, string>(variants, StringComparer.Ordinal);
        _stopWords = new HashSet<string>(stopWords, StringComparer.Ordinal);
    }

    /// <summary>The analyzer with the name-variant and stop-word lists shipped in the repository.</summary>
    public static TextAnalyzer Default { get; } = new(
        ParseVariants(ReadResource("TalksBot.Core.name-variants.txt")),
        ParseWordList(ReadResource("TalksBot.Core.stop-words.txt")));

    /// <summary>Index terms of a text, in order, repeats kept.</summary>
    public List<string> Terms(string text)
    {
        var terms = new List<string>();
        foreach (var token in Tokenize(text))
        {
            var term = Normalize(token);
            if (term is not null) terms.Add(term);
        }
        return terms;
    }

    public QueryAnalysis AnalyzeQuestion(string question)
    {
        var terms = new List<string>();
        bool recent = false;
        foreach (var token in Tokenize(question))
        {
            if (RecencyWords.Contains(token.ToLowerInvariant()))
            {
                recent = true;
                continue;
            }
            var term = Normalize(token);
            if (term is not null && !terms.Contains(term)) terms.Add(term);
        }
        return new QueryAnalysis(question, terms, recent);
    }

    private string? Normalize(string token)
    {
        // A capitalised "US" is the country, not the pronoun.
        string lower = token == "US" ? "u.s" : token.ToLowerInvariant();
        if (_variants.TryGetValue(lower, out var canonical)) return PorterStemmer.Stem(canonical);
        if (lower.Contains('.')) lower = lower.Replace(".", "");
        if (lower.Length < 2 && !char.IsDigit(lower[0])) return null;
        if (_stopWords.Contains(lower)) return null;
        if (_variants.TryGetValue(lower, out canonical)) return PorterStemmer.Stem(canonical);
        return PorterStemmer.Stem(lower);
    }

    /// <summary>Words of a text: letters and digits, diacritics folded; "Zelensky's" gives "Zelensky", "U.S." gives "U.S".</summary>
    public static IEnumerable<string> Tokenize(string text)
    {
        var sb = new StringBuilder(32);
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(Fold(c));
                i++;
                continue;
            }
            if ((c is '\'' or '’') && sb.Length > 0 && i + 1 < text.Length && char.IsLetter(text[i + 1]))
            {
                // Possessive 's ends the word; other contractions (don't) close up.
                if ((text[i + 1] is 's' or 'S') && (i + 2 >= text.Length || !char.IsLetter(text[i + 2])))
                {
                    i += 2;
                    yield return sb.ToString();
                    sb.Clear();
                    continue;
                }
                i++;
                continue;
            }
            if (c == '.' && sb.Length == 1 && char.IsLetter(sb[0]) && i + 2 < text.Length && char.IsLetter(text[i + 1]) && text[i + 2] == '.')
            {
                // Dotted acronym: U.S. / U.N. / E.U.
                sb.Append('.');
                i++;
                while (i + 1 < text.Length && char.IsLetter(text[i]) && text[i + 1] == '.')
                {
                    sb.Append(Fold(text[i]));
                    i += 2;
                    if (i < text.Length && char.IsLetter(text[i]) && i + 1 < text.Length && text[i + 1] == '.') sb.Append('.');
                }
                yield return sb.ToString();
                sb.Clear();
                continue;
            }
            if (sb.Length > 0)
            {
                yield return sb.ToString();
                sb.Clear();
            }
            i++;
        }
        if (sb.Length > 0) yield return sb.ToString();
    }

    private static char Fold(char c)
    {
        if (c < 128) return c;
        var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        // Keep Cyrillic й/ї intact: folding them changes the word.
        if (decomposed.Length > 1 && decomposed[0] < 0x250) return decomposed[0];
        return c;
    }

    public static Dictionary<string, string> ParseVariants(string text)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            int colon = line.IndexOf(':');
            if (colon <= 0) throw new FormatException($"Name variants: line '{line}' has no 'canonical:' prefix.");
            var canonical = line[..colon].Trim().ToLowerInvariant();
            map[canonical] = canonical;
            foreach (var v in line[(colon + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var variant = v.ToLowerInvariant().TrimEnd('.');
                if (variant.EndsWith("'s")) variant = variant[..^2];
                map[variant] = canonical;
            }
        }
        return map;
    }

    public static IEnumerable<string> ParseWordList(string text) =>
        text.Split('\n')
            .Where(l => !l.TrimStart().StartsWith('#'))
            .SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(w => w.ToLowerInvariant().Replace("'", ""));

    private static string ReadResource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded data file {name} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
