using System.Text.RegularExpressions;

namespace TalksBot.Core.Retrieval;

/// <summary>
/// The phrases a question quotes ("What did Lukashenko call 'our only mistake'…?", "the 'stop underestimating Ukraine'
/// piece"): words taken from a report or its headline, so the sentence or the article holding them is the one asked about.
/// </summary>
public static partial class QuestionQuotes
{
    /// <summary>
    /// The quoted phrases, lower-cased and spaced as <see cref="Plain"/> writes them. Two words at least: one quoted word
    /// ("Putin being 'ready' for talks") is in many sentences that don't answer.
    /// </summary>
    public static IReadOnlyList<string> Of(string question) =>
        Quote().Matches(question).Select(m => Plain(m.Groups["q"].Value).Trim()).Where(q => q.Contains(' ')).Distinct().ToList();

    /// <summary>A text to look for a quoted phrase in: lower-cased, one kind of apostrophe, single spaces.</summary>
    public static string Plain(string text) => Spaces().Replace(text.ToLowerInvariant().Replace('’', '\'').Replace('‘', '\''), " ");

    // 'quoted' (not an apostrophe: "Kabaeva's 'Alina' festival"; one may stand inside: 'can't have it both ways'),
    // "quoted", “quoted”, ‘quoted’.
    [GeneratedRegex(@"(?<!\p{L})['‘](?<q>(?:[^'‘’""“”]|(?<=\p{L})['’](?=\p{L}))+?)['’](?!\p{L})|[""“](?<q>[^""“”]+?)[""”]")]
    private static partial Regex Quote();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
