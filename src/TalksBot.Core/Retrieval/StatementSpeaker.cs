using System.Text.RegularExpressions;

namespace TalksBot.Core.Retrieval;

/// <summary>
/// "What did X say…", "How did X respond to…": X is the one whose words are asked for, and a passage answers only
/// when it gives X's words. "How did Beijing respond to Kishida's claim?" is not answered by the claim, said by
/// Kishida, however much of the question it holds.
/// </summary>
internal static partial class StatementSpeaker
{
    // Words between the speaker and the verb of saying for the words to be the speaker's: "said Japan Prime Minister
    // Fumio Kishida", "Peskov told reporters".
    private const int NearWords = 6;

    /// <summary>The words naming who speaks ("Beijing", "the Kremlin's spokesman"); null when the question asks no one's words.</summary>
    public static string? Of(string question)
    {
        var m = SpeakerPattern().Match(question);
        return m.Success ? m.Groups["speaker"].Value : null;
    }

    /// <summary>
    /// The question's names that <paramref name="speaker"/> holds, with their other spellings: the terms a sentence must
    /// hold to give that one's words ("Peskov", "Peskow", …).
    /// </summary>
    public static HashSet<string> NamedTerms(string speaker, IEnumerable<FocusTerm> focus, TextAnalyzer analyzer)
    {
        var words = analyzer.Terms(speaker).ToHashSet(StringComparer.Ordinal);
        // Written small ("what did italy's foreign minister tajani say"), the speaker's own name is the phrase's last
        // word, after the titles that describe them.
        var last = TextAnalyzer.Tokenize(speaker).LastOrDefault();
        var lastTerm = last is null || PersonTitles.Contains(last) || char.IsUpper(last[0]) ? null : analyzer.Term(last);
        return focus.Where(f => (f.IsName || f.Term == lastTerm) && words.Contains(f.Term)).SelectMany(f => f.Alternatives.Prepend(f.Term)).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The index terms of the words of saying ("claim", "statement"): what a question asks about is not these.</summary>
    public static HashSet<string> SayingTerms(TextAnalyzer analyzer) =>
        SayVerbs.Concat(SayNouns).Select(analyzer.Term).OfType<string>().ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// True when the sentence gives the words of someone named by <paramref name="speaker"/> terms: one of them is the
    /// subject of a verb of saying a few words away, owns a word of saying ("Peskov's statement") or follows "according
    /// to"; or the sentence's "he said" (or its opening quotation) follows a sentence giving their words.
    /// </summary>
    public static bool Gives(string sentence, string? previous, IReadOnlySet<string> speaker, TextAnalyzer analyzer)
    {
        var words = TextAnalyzer.TokenSpans(sentence).ToList();
        var named = Answering.AnswerCandidates.WordsHolding(words, speaker, analyzer);
        var verbs = new List<int>();
        for (int i = 0; i < words.Count; i++)
        {
            var w = words[i].Token.ToLowerInvariant();
            if (SayVerbs.Contains(w)) verbs.Add(i);
            // "China's response", "Peskov's statement": the speaker owns the words just before them.
            else if (SayNouns.Contains(w) && named.Any(s => i - s is > 0 and <= 3)) return true;
            // "according to Peskov", not "according to a statement, China agreed…".
            else if (w == "according" && named.Any(s => s - i is > 1 and <= 4)) return true;
        }
        // "Kremlin spokesman Dmitry Peskov told…" (the speaker a few words before the verb), or "…, said Japan Prime
        // Minister Fumio Kishida" (after it, only names and titles between): not "I will say that I know agreements
        // between China and Ukraine", nor "China is talking about Ukraine - he said".
        bool Between(int from, int to) => Enumerable.Range(from + 1, Math.Max(0, to - from - 1))
            .All(k => char.IsUpper(words[k].Token[0]) || PersonTitles.Contains(words[k].Token) || TitleWords.Contains(words[k].Token));
        // Nor "…talks with Putin in Moscow, Kremlin spokesperson Dmitry Peskov said": another name right before the verb is
        // who says it.
        bool NoOtherSubject(int from, int to) => !Enumerable.Range(from + 1, Math.Max(0, to - from - 1)).Any(k => Subjects.Contains(words[k].Token))
            && !(to - 1 > from && char.IsUpper(words[to - 1].Token[0]) && !named.Contains(to - 1) && !PersonTitles.Contains(words[to - 1].Token));
        if (named.Any(s => verbs.Any(v => v - s is > 0 and <= NearWords && NoOtherSubject(s, v) || s - v is > 0 and <= NearWords && Between(v, s)))) return true;
        // "…," he said. / “We don't need confrontation.” after a sentence giving the speaker's words.
        if (previous is null || !Gives(previous, null, speaker, analyzer)) return false;
        bool pronounSays = verbs.Any(v => words.Skip(Math.Max(0, v - 2)).Take(5).Any(w => Pronouns.Contains(w.Token)));
        var opening = sentence.TrimStart();
        return pronounSays || opening.Length > 0 && "\"“«'‘".Contains(opening[0]);
    }

    /// <summary>True when the sentence gives someone's words by a pronoun: "“I kept calling…,” he told the agency".</summary>
    public static bool SaysByPronoun(string sentence)
    {
        var words = TextAnalyzer.TokenSpans(sentence).ToList();
        for (int i = 0; i < words.Count; i++)
        {
            if (!SayVerbs.Contains(words[i].Token.ToLowerInvariant())) continue;
            for (int k = Math.Max(0, i - 2); k <= Math.Min(words.Count - 1, i + 2); k++)
            {
                if (k != i && Pronouns.Contains(words[k].Token)) return true;
            }
        }
        return false;
    }

    private static readonly HashSet<string> SayVerbs = new(StringComparer.Ordinal)
    {
        "say", "says", "said", "saying", "tell", "tells", "told", "telling", "state", "states", "stated", "warn", "warns", "warned",
        "warning", "add", "adds", "added", "adding", "write", "writes", "wrote", "note", "notes", "noted", "claim", "claims", "claimed",
        "insist", "insists", "insisted", "insisting", "argue", "argues", "argued", "respond", "responds", "responded", "reply", "replies",
        "replied", "react", "reacts", "reacted", "call", "calls", "called", "describe", "describes", "described", "declare", "declares",
        "declared", "announce", "announces", "announced", "stress", "stresses", "stressed", "urge", "urges", "urged", "accuse", "accuses",
        "accused", "deny", "denies", "denied", "dismiss", "dismisses", "dismissed", "reject", "rejects", "rejected", "criticise",
        "criticised", "criticize", "criticized", "condemn", "condemns", "condemned", "commented", "posted", "explained", "explains",
        "asserted", "suggested", "suggests", "promised", "vowed", "pledged", "admitted", "acknowledged", "recalled", "quoted", "quipped",
        "joked", "remarked", "observed", "underlined", "underscored", "affirmed", "reaffirmed", "cautioned", "predicted", "boasted",
        "lamented", "complained", "conceded", "proclaimed", "tweeted", "enunciated",
        // Views held and told again: "Bessent maintained his belief that…", "he reiterated…".
        "maintained", "maintains", "reiterated", "reiterates", "repeated", "emphasised", "emphasized", "expressed", "voiced",
        // Words given with a verdict on them: "Peskov hailed the exhibition as a “brilliant idea”".
        "hailed", "hails", "praised", "praises", "branded", "brands", "labelled", "labeled", "dubbed", "slammed", "lauded", "mocked",
    };

    private static readonly HashSet<string> SayNouns = new(StringComparer.Ordinal)
    {
        "statement", "remarks", "comments", "response", "reaction", "reply", "words", "message", "speech", "address", "interview",
        "spokesman", "spokeswoman", "spokesperson", "post", "letter", "answer",
    };

    // Besides the titles themselves: "the head of", "special envoy for", "former top general".
    private static readonly HashSet<string> TitleWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "of", "for", "head", "general", "special", "former", "top", "senior",
    };

    private static readonly HashSet<string> Subjects = new(StringComparer.OrdinalIgnoreCase) { "he", "she", "they", "i", "we", "you" };

    private static readonly HashSet<string> Pronouns = new(StringComparer.OrdinalIgnoreCase) { "he", "she", "they" };

    [GeneratedRegex(@"^\W*(?:(?:and|so|but)\s+)?(?:what|how)\s+(?:exactly\s+)?(?:did|does|do|has|have|had|will|would|is|was)\s+(?<speaker>.+?)\s+(?:(?:really|actually|then|later|publicly|first|just)\s+)?(?:say|said|saying|tell|told|telling|claim|state|warn|think|call|describe|answer|reply|respond|responding|react|reacting|announce|write|post|argue|insist)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SpeakerPattern();
}
