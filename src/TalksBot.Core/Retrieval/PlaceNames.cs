namespace TalksBot.Core.Retrieval;

/// <summary>
/// Places and countries (places.txt). A question that names one is about it however common the name is in the
/// articles, so it keeps a minimum weight and a passage must hold it to ground the answer. The same longest-first
/// finder reads the news outlets a question may name as its source (outlets.txt).
/// </summary>
public sealed class PlaceNames
{
    private readonly List<string[]> _names = [];

    public static PlaceNames Empty { get; } = new();

    public static PlaceNames Parse(string text, TextAnalyzer analyzer)
    {
        var places = new PlaceNames();
        foreach (var (_, line) in DataFileLines.Of(text))
        {
            var terms = TextAnalyzer.Tokenize(line).Select(analyzer.Term).Where(t => t is not null).Select(t => t!).ToArray();
            if (terms.Length > 0 && !places._names.Any(n => n.SequenceEqual(terms))) places._names.Add(terms);
        }
        // Longest names first, so "north korea" is found before "korea".
        places._names.Sort((a, b) => b.Length.CompareTo(a.Length));
        return places;
    }

    /// <summary>The place names in a sequence of question terms, each as its terms.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Find(IReadOnlyList<string> terms)
    {
        var found = new List<IReadOnlyList<string>>();
        var used = new bool[terms.Count];
        foreach (var name in _names)
        {
            for (int i = 0; i + name.Length <= terms.Count; i++)
            {
                bool match = true;
                for (int j = 0; j < name.Length && match; j++) match = !used[i + j] && terms[i + j] == name[j];
                if (!match) continue;
                for (int j = 0; j < name.Length; j++) used[i + j] = true;
                found.Add(name);
            }
        }
        return found;
    }
}
