namespace TalksBot.Core.Retrieval;

/// <summary>
/// Names news writes out in full once and a reader types short (abbreviations.txt): "the United Nations" is the "UN"
/// a question asks about, "the Second World War" its "WWII". Where a text spells a name out, its short form is added
/// after it, so a question's "UN" is held by a passage that says "United Nations". Only that way round: the short
/// form a passage writes is a word a question in full words can't hold, and a name written out in a question still
/// finds the articles that write it out too.
/// </summary>
public sealed class Abbreviations
{
    // Each long form by its first term, longest first: "un security council" is tried before "united nations".
    private readonly Dictionary<string, List<(string[] Tail, string Short)>> _byFirst = new(StringComparer.Ordinal);

    public static Abbreviations Empty { get; } = new();

    /// <summary>Reads "short: long form, long form" lines; the forms go through the analyzer like any text.</summary>
    public static Abbreviations Parse(string text, TextAnalyzer analyzer)
    {
        var abbreviations = new Abbreviations();
        foreach (var (_, line) in DataFileLines.Of(text))
        {
            int colon = line.IndexOf(':');
            if (colon <= 0) throw new FormatException($"Abbreviations: line '{line}' has no 'short:' prefix.");
            var shortTerm = analyzer.Term(line[..colon].Trim()) ?? throw new FormatException($"Abbreviations: '{line[..colon]}' is a stop word.");
            foreach (var form in line[(colon + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var terms = analyzer.Terms(form);
                if (terms.Count < 2) throw new FormatException($"Abbreviations: '{form}' is not a name of several words.");
                if (!abbreviations._byFirst.TryGetValue(terms[0], out var forms)) abbreviations._byFirst[terms[0]] = forms = [];
                forms.Add((terms.Skip(1).ToArray(), shortTerm));
                forms.Sort((a, b) => b.Tail.Length.CompareTo(a.Tail.Length));
            }
        }
        return abbreviations;
    }

    /// <summary>The terms with each written-out name's short form added after it; the same list when none is found.</summary>
    public List<string> AddShortForms(List<string> terms)
    {
        if (_byFirst.Count == 0) return terms;
        List<string>? result = null;
        for (int i = 0; i < terms.Count; i++)
        {
            result?.Add(terms[i]);
            if (!_byFirst.TryGetValue(terms[i], out var forms)) continue;
            foreach (var (rest, shortTerm) in forms)
            {
                if (!Follows(terms, i + 1, rest)) continue;
                result ??= terms.Take(i + 1).ToList();
                for (int j = 0; j < rest.Length; j++) result.Add(terms[i + 1 + j]);
                result.Add(shortTerm);
                i += rest.Length;
                break;
            }
        }
        return result ?? terms;
    }

    private static bool Follows(List<string> terms, int start, string[] rest)
    {
        if (start + rest.Length > terms.Count) return false;
        for (int j = 0; j < rest.Length; j++)
        {
            if (terms[start + j] != rest[j]) return false;
        }
        return true;
    }
}
