namespace TalksBot.Core.Retrieval;

/// <summary>
/// Groups of words a question may use for what an article says another way (paraphrases.txt): "Washington" for the
/// U.S., "poll" for "surveyed", "by when" for a deadline. Question-side only, weighed below the question's own words.
/// </summary>
public sealed class ParaphraseTable
{
    private readonly Dictionary<string, HashSet<string>> _related = new(StringComparer.Ordinal);
    private readonly List<(string[] Words, string[] Concepts)> _phrases = [];

    public static ParaphraseTable Empty { get; } = new();

    /// <summary>Parses "word: alternative, alternative phrase" lines; terms are analysed with <paramref name="analyzer"/>.</summary>
    public static ParaphraseTable Parse(string text, TextAnalyzer analyzer)
    {
        var table = new ParaphraseTable();
        foreach (var (lineNumber, line) in DataFileLines.Of(text))
        {
            int colon = line.IndexOf(':');
            if (colon <= 0) throw new FormatException($"Paraphrases, line {lineNumber}: '{line}' has no 'word:' prefix.");
            var members = new[] { line[..colon] }.Concat(line[(colon + 1)..].Split(',')).Select(m => m.Trim().ToLowerInvariant()).Where(m => m.Length > 0).ToList();
            var singles = new HashSet<string>(StringComparer.Ordinal);
            var multi = new List<string[]>();
            foreach (var member in members)
            {
                var words = TextAnalyzer.Tokenize(member).Select(w => w.ToLowerInvariant()).ToArray();
                var terms = words.Select(analyzer.Term).Where(t => t is not null).Select(t => t!).ToArray();
                if (words.Length == 1 && terms.Length == 1) singles.Add(terms[0]);
                else if (words.Length > 1) multi.Add(words);
            }
            foreach (var term in singles)
            {
                if (!table._related.TryGetValue(term, out var set)) table._related[term] = set = new HashSet<string>(StringComparer.Ordinal);
                set.UnionWith(singles.Where(s => s != term));
            }
            foreach (var words in multi) table._phrases.Add((words, singles.ToArray()));
        }
        return table;
    }

    /// <summary>Related terms of each question term, and the concepts of multi-word paraphrases found in the question.</summary>
    public IReadOnlyList<RelatedTerms> Related(string question, IReadOnlyList<string> terms, TextAnalyzer analyzer)
    {
        var result = new List<RelatedTerms>();
        foreach (var term in terms)
        {
            if (_related.TryGetValue(term, out var set) && set.Count > 0) result.Add(new RelatedTerms(term, set.ToList(), false));
        }
        if (_phrases.Count == 0) return result;
        var words = TextAnalyzer.Tokenize(question).Select(w => w.ToLowerInvariant()).ToArray();
        foreach (var (phrase, concepts) in _phrases)
        {
            if (concepts.Length == 0 || !Contains(words, phrase)) continue;
            // The phrase's own content words are already question terms; what it adds is the group's words.
            var fresh = concepts.Where(c => !terms.Contains(c)).ToList();
            if (fresh.Count == 0) continue;
            result.Add(new RelatedTerms(fresh[0], fresh.Skip(1).ToList(), true));
        }
        return result;
    }

    private static bool Contains(string[] words, string[] phrase)
    {
        for (int i = 0; i + phrase.Length <= words.Length; i++)
        {
            bool match = true;
            for (int j = 0; j < phrase.Length && match; j++) match = words[i + j] == phrase[j];
            if (match) return true;
        }
        return false;
    }
}
