using System.Text;

namespace TalksBot.Index.Postgres;

/// <summary>
/// tsvector literals written from the analyzer's terms as they are: PostgreSQL's parser and dictionaries
/// never see the words, so a term is one lexeme exactly as the SQLite index stores it (no second split, case fold or
/// stemming; what to_tsvector('simple', terms) gives for ordinary words, without its opinions on the rest).
/// </summary>
internal static class TextSearchLiterals
{
    /// <summary>tsvector keeps at most 256 positions per lexeme and positions up to 16383.</summary>
    private const int MaxPositions = 256;
    private const int MaxPosition = 16383;

    /// <summary>`'term':1,4 'other':2 …`: every term with the positions it holds (1-based), so counting them gives its frequency.</summary>
    public static string Vector(IReadOnlyList<string> terms)
    {
        var positions = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int i = 0; i < terms.Count; i++)
        {
            if (terms[i].Length == 0) continue;
            if (!positions.TryGetValue(terms[i], out var list)) positions[terms[i]] = list = [];
            if (list.Count < MaxPositions) list.Add(Math.Min(i + 1, MaxPosition));
        }
        var sb = new StringBuilder();
        foreach (var (term, list) in positions)
        {
            if (sb.Length > 0) sb.Append(' ');
            Quote(sb, term);
            sb.Append(':').AppendJoin(',', list.Distinct());
        }
        return sb.ToString();
    }

    private static void Quote(StringBuilder sb, string term)
    {
        sb.Append('\'');
        foreach (char c in term)
        {
            if (c is '\'' or '\\') sb.Append(c == '\'' ? '\'' : '\\');
            sb.Append(c);
        }
        sb.Append('\'');
    }
}
