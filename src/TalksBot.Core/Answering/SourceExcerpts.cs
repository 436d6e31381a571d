using System.Text.RegularExpressions;
using TalksBot.Core.Articles;
using TalksBot.Core.Retrieval;

namespace TalksBot.Core.Answering;

/// <summary>
/// The short excerpt shown under a source in chat: the sentence of the cited passage that the answer used, so a
/// reader can see the article's own words beside a model's prose, or beside another outlet's wording of a quote.
/// Platforms render it as a quote and escape it like all article text; they only decide whether it fits.
/// </summary>
public static partial class SourceExcerpts
{
    /// <summary>Excerpts longer than this are cut at a word boundary and end in "…".</summary>
    public const int MaxLength = 140;

    /// <summary>
    /// The excerpt of each citation by its number. A source whose sentence the answer already shows word for word (an
    /// extractive answer's quote) gets none: it would only repeat the line above. Empty for a refusal.
    /// </summary>
    public static IReadOnlyDictionary<int, string> Of(Answer answer, TextAnalyzer? analyzer = null)
    {
        var excerpts = new Dictionary<int, string>();
        if (answer.IsRefusal || !answer.Grounded || answer.Citations.Count == 0) return excerpts;
        analyzer ??= TextAnalyzer.Default;
        // What each marker stands behind: the answer's sentences (or quotes) that carry it, markers removed.
        var claims = Claims(answer);
        foreach (var citation in answer.Citations)
        {
            var sentences = SentenceSplitter.Split(citation.Quote).ToList();
            if (sentences.Count == 0) continue;
            var said = claims.Where(c => c.Numbers.Contains(citation.Number)).SelectMany(c => analyzer.Terms(c.Text)).ToHashSet(StringComparer.Ordinal);
            // The sentence sharing most of the words said with this marker; with none, the passage's opening.
            var best = sentences[0];
            int bestShared = 0;
            foreach (var sentence in sentences)
            {
                int shared = analyzer.Terms(sentence).Distinct(StringComparer.Ordinal).Count(said.Contains);
                if (shared > bestShared) (best, bestShared) = (sentence, shared);
            }
            if (answer.Mode == AnswerMode.Extractive && answer.Text.Contains(best.Trim(), StringComparison.Ordinal)) continue;
            excerpts[citation.Number] = Cut(best);
        }
        return excerpts;
    }

    /// <summary>The text on one line, cut at the last word boundary before <paramref name="max"/> characters with "…".</summary>
    public static string Cut(string text, int max = MaxLength)
    {
        var line = Whitespace().Replace(text, " ").Trim();
        if (line.Length <= max) return line;
        int cut = line.LastIndexOf(' ', max - 1);
        // One word longer than the limit is cut inside it rather than shown whole.
        var kept = cut > max / 2 ? line[..cut] : line[..(max - 1)];
        return kept.TrimEnd(' ', ',', ';', ':', '—', '–', '-') + "…";
    }

    private static List<(string Text, HashSet<int> Numbers)> Claims(Answer answer)
    {
        var claims = new List<(string, HashSet<int>)>();
        var quotes = QuotedSentences.Of(answer);
        var texts = quotes.Count > 0 ? quotes.Select(q => q.Quote + " " + q.Markers) : SentenceSplitter.Split(answer.Text);
        foreach (var text in texts)
        {
            var numbers = Marker().Matches(text).Select(m => int.Parse(m.Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
            if (numbers.Count > 0) claims.Add((Marker().Replace(text, " "), numbers));
        }
        return claims;
    }

    [GeneratedRegex(@"\[(\d{1,4})\]")]
    private static partial Regex Marker();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
