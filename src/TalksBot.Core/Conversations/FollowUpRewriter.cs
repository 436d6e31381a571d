using System.Text.RegularExpressions;
using TalksBot.Core.Answering;
using TalksBot.Core.Retrieval;

namespace TalksBot.Core.Conversations;

/// <summary>
/// Follow-ups without a model: a question that only makes sense after the one before it ("and what about Russia's?",
/// "where did it happen?", "who leads Ukraine's?") is combined with the previous question's focus; a self-contained
/// question is left as it is. "What about X" puts X in the place of the previous question's name; a question leaning
/// on a pronoun or too short to stand alone carries the previous question along.
/// </summary>
public sealed partial class FollowUpRewriter(TextAnalyzer analyzer) : IQuestionRewriter
{
    private static readonly HashSet<string> Pronouns = new(StringComparer.Ordinal)
    {
        "it", "its", "that", "this", "they", "them", "their", "theirs", "he", "him", "his", "she", "her", "there", "those", "these", "then",
    };

    public Task<string> RewriteAsync(string question, IReadOnlyList<ConversationTurn> history, CancellationToken cancellationToken)
    {
        if (history.Count == 0) return Task.FromResult(question);
        var previous = history[^1];
        return Task.FromResult(Rewrite(question.Trim(), previous.Question, previous.Answer));
    }

    /// <summary>
    /// A follow-up as written here, "its own words (the question it leans on)?", split into its own words and the
    /// context it carries; the whole question and null when it carries none.
    /// </summary>
    public static (string Own, string? Context) SplitContext(string question)
    {
        var trimmed = question.TrimEnd('?', ' ', '.');
        int open = trimmed.LastIndexOf('(');
        return open > 0 && trimmed.EndsWith(')') ? (trimmed[..open], trimmed[(open + 1)..^1]) : (question, null);
    }

    /// <summary>
    /// The question read in the conversation's context, for when it isn't clearly a follow-up but names nothing of its
    /// own ("how long did the first day last?"): asked alone first, and in context only when alone it isn't covered.
    /// Null when the question names something (it stands alone) or nothing came before.
    /// </summary>
    public string? InContext(string question, IReadOnlyList<ConversationTurn> history)
    {
        if (history.Count == 0) return null;
        var analysis = analyzer.AnalyzeQuestion(question);
        if (analysis.Words.Any(w => w.Capitalized) || analysis.PlaceTerms.Count > 0 || analysis.Terms.Count > 6) return null;
        var cleaned = LeadingConnective().Replace(question.Trim(), "").Trim();
        return $"{cleaned.TrimEnd('?', ' ')} ({history[^1].Question.TrimEnd('?', ' ')})?";
    }

    /// <param name="previousAnswer">
    /// What was answered to <paramref name="previous"/>: when that question asked who, or names no person, "he", "him"
    /// or "her" in a follow-up stands for the first person the answer named ("what happened to him after that?").
    /// </param>
    public string Rewrite(string question, string previous, string? previousAnswer = null)
    {
        var analysis = analyzer.AnalyzeQuestion(question);
        bool hasName = analysis.Words.Any(w => w.Capitalized) || analysis.PlaceTerms.Count > 0;
        var lower = question.ToLowerInvariant();

        var about = WhatAbout().Match(question);
        if (about.Success)
        {
            // "and what about Russia's?" after "What are Zelensky's preconditions?" → "What are Russia's preconditions?"
            var subject = about.Groups["subject"].Value.Trim().TrimEnd('?', '.', '!', ' ');
            if (subject.Length > 0) return Substitute(previous, subject);
        }

        bool leadsOn = LeadingConnective().IsMatch(lower);
        bool pronoun = TextAnalyzer.Tokenize(lower).Any(Pronouns.Contains);
        bool shortAlone = analysis.Terms.Count <= 2 && !hasName;
        // "which town near Kyiv did she visit?": a place doesn't say who "she" is; only a person named would.
        bool namesPerson = hasName && NamesAPerson(question);
        bool someone = !namesPerson && PersonalPronoun().IsMatch(question);
        bool follows = leadsOn && analysis.Terms.Count <= 4 || pronoun && !hasName && analysis.Terms.Count <= 4 || shortAlone
            || someone && analysis.Terms.Count <= MaxTermsOfPersonalFollowUp;
        if (!follows) return question;

        var cleaned = LeadingConnective().Replace(question, "").Trim();
        // "what happened to him after that?" after "Who leads Russia's delegation?" (no person in it): the person the
        // answer named. The name stands alone; the previous question's words would pull retrieval back to the first answer.
        if (!namesPerson && previousAnswer is not null && PersonalPronoun().Match(cleaned) is { Success: true } personal
            && (AsksWho(previous) || !NamesAPerson(previous))
            && PersonsIn(previousAnswer).FirstOrDefault(p => AgreesWith(p, personal.Value, previousAnswer)) is { } person)
        {
            int after = personal.Index + personal.Length;
            bool possessive = personal.Groups["possessive"].Success || personal.Value.Equals("her", StringComparison.OrdinalIgnoreCase) && IsFollowedByContentWord(cleaned, after);
            var substituted = cleaned[..personal.Index] + (possessive ? person + "'s" : person) + cleaned[after..];
            // "where was he when he said it?": "it" is what the previous question told of, so that comes along.
            return ThingPronoun().IsMatch(substituted) ? $"{substituted.TrimEnd('?', ' ')} ({previous.TrimEnd('?', ' ')})?" : substituted;
        }

        // "and who leads Ukraine's?" → the previous question's name replaced: who leads Ukraine's delegation in Abu Dhabi?
        if (hasName && IsPossessive(cleaned.TrimEnd('?', ' ')))
        {
            var name = analysis.Words.LastOrDefault(w => w.Capitalized)?.Token;
            if (name is not null)
            {
                var substituted = Substitute(previous, name + "'s");
                // "and who leads Russia's?" after "Who leads Ukraine's delegation?": the substitution says it all.
                var asked = analyzer.AnalyzeQuestion(substituted).Terms;
                if (analysis.Terms.All(asked.Contains)) return substituted;
                return $"{cleaned.TrimEnd('?', ' ')} ({substituted.TrimEnd('?')})?";
            }
        }
        // The follow-up first (its question word says what is asked), then what it follows on from — less the country
        // it turns away from: "and who led the Ukrainian side there?" after "Who was Russia's chief negotiator at the
        // Geneva talks?" keeps Geneva (the setting) but not Russia.
        var context = hasName ? WithoutReplacedPlaces(previous, analysis) : previous;
        return $"{cleaned.TrimEnd('?', ' ')} ({context.TrimEnd('?', ' ')})?";
    }

    /// <summary>
    /// "Who led the Wagner mutiny?": the person is what was asked, so the answer holds the one a pronoun stands for,
    /// whatever else the question names.
    /// </summary>
    private static bool AsksWho(string question) => AnswerCandidates.TypeOf(question) == QuestionType.Person;

    // A follow-up leaning on "he" or "she" is still one with a place of its own ("which town near Kyiv did she visit?"),
    // up to this many words to search for.
    private const int MaxTermsOfPersonalFollowUp = 8;

    /// <summary>A capitalised word of the question that is not a place ("Zelensky", "Ilse Varga"): someone a pronoun may stand for.</summary>
    private bool NamesAPerson(string question)
    {
        var analysis = analyzer.AnalyzeQuestion(question);
        var places = analysis.PlaceTerms.SelectMany(p => p).ToHashSet(StringComparer.Ordinal);
        return analysis.Words.Any(w => w.Capitalized && !places.Contains(w.Term));
    }

    /// <summary>
    /// People named in a text, in order: two or three capitalised words together ("Pavel Sorokin", "President Ilse
    /// Varga") once a leading stop word, place, month or weekday is dropped ("On Tuesday Pavel Sorokin"), not a place
    /// ("Abu Dhabi") nor holding one, and not after "the" ("the Red Cross" is an organisation).
    /// </summary>
    internal IEnumerable<string> PersonsIn(string text)
    {
        foreach (Match m in CapitalisedRun().Matches(text))
        {
            var words = m.Value.Split(' ').Select(w => PossessiveEnding().Replace(w, "")).ToList();
            int dropped = 0;
            while (dropped < words.Count && NotAName(words[dropped])) dropped++;
            var name = words.Skip(dropped).ToList();
            if (name.Count < 2 || name.Any(NotAName) || analyzer.AnalyzeQuestion(string.Join(' ', name)).PlaceTerms.Count > 0) continue;
            if (dropped == 0 && text[..m.Index].TrimEnd().EndsWith("the", StringComparison.OrdinalIgnoreCase)) continue;
            yield return string.Join(' ', name.TakeLast(3));
        }
    }

    /// <summary>
    /// "she" is not "Prince Edward" and "he" is not "Queen Camilla": a person whose title (in the name or just before it
    /// in the answer) says the other gender doesn't stand for the pronoun. Without a title, anyone agrees.
    /// </summary>
    private static bool AgreesWith(string person, string pronoun, string answer)
    {
        bool female = pronoun.ToLowerInvariant() is "she" or "her" or "hers";
        int at = answer.IndexOf(person, StringComparison.Ordinal);
        var before = at > 0 ? TextAnalyzer.Tokenize(answer[Math.Max(0, at - 20)..at]).LastOrDefault() : null;
        var titles = person.Split(' ').Prepend(before ?? "").Select(w => w.ToLowerInvariant());
        return !titles.Any(t => (female ? MaleTitles : FemaleTitles).Contains(t));
    }

    private static readonly HashSet<string> MaleTitles = new(StringComparer.Ordinal) { "prince", "king", "duke", "lord", "sir", "mr", "earl", "count", "emperor", "tsar" };
    private static readonly HashSet<string> FemaleTitles = new(StringComparer.Ordinal) { "princess", "queen", "duchess", "lady", "dame", "mrs", "ms", "miss", "countess", "empress", "tsarina" };

    private bool NotAName(string word)
    {
        var lower = word.ToLowerInvariant();
        return analyzer.IsStopWord(lower) || analyzer.IsPlace(word) || TextAnalyzer.MonthNames.Contains(lower) || Weekdays.Contains(word) || OrganisationWords.Contains(word)
            // A title is not part of the name a pronoun stands for: "where was Jonas Adler…", not "…Foreign Minister Jonas Adler…".
            || PersonTitles.Contains(word);
    }

    private static readonly HashSet<string> Weekdays = new(StringComparer.OrdinalIgnoreCase) { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday" };

    // "her role" is possessive, "about her" is not.
    private bool IsFollowedByContentWord(string text, int at)
    {
        var next = TextAnalyzer.Tokenize(text[at..]).FirstOrDefault();
        return next is not null && !analyzer.IsStopWord(next.ToLowerInvariant());
    }

    /// <summary>
    /// The previous question without the places the follow-up replaces by its own: a place that is the previous
    /// question's subject ("Russia's", "the Russian delegation"), not its setting ("at the Geneva talks", "in Abu Dhabi").
    /// </summary>
    private string WithoutReplacedPlaces(string previous, QueryAnalysis followUp)
    {
        var own = followUp.PlaceTerms.SelectMany(p => p).ToHashSet(StringComparer.Ordinal);
        if (own.Count == 0) return previous;
        var before = analyzer.AnalyzeQuestion(previous);
        var places = before.PlaceTerms.Where(p => p.Count == 1).Select(p => p[0]).ToHashSet(StringComparer.Ordinal);
        var result = previous;
        foreach (var word in before.Words)
        {
            if (!word.Capitalized || !places.Contains(word.Term) || own.Contains(word.Term)) continue;
            if (!word.Possessive && TextAnalyzer.IsSettingIn(previous, word.Token)) continue;
            result = Regex.Replace(result, $@"\b{Regex.Escape(word.Token)}(['’]s)?\s*", "", RegexOptions.None, TimeSpan.FromSeconds(1));
        }
        return result;
    }

    /// <summary>The previous question with its (first possessive, else first) name replaced by the new subject.</summary>
    private string Substitute(string previous, string subject)
    {
        var words = analyzer.AnalyzeQuestion(previous).Words;
        var target = words.FirstOrDefault(w => w.Capitalized && w.Possessive) ?? words.FirstOrDefault(w => w.Capitalized);
        if (target is null) return $"{previous.TrimEnd('?', ' ')} ({subject})?";
        bool subjectPossessive = IsPossessive(subject);
        var bare = subjectPossessive ? subject[..^2] : subject;
        var pattern = target.Possessive ? $@"\b{Regex.Escape(target.Token)}(['’]s)?" : $@"\b{Regex.Escape(target.Token)}\b";
        var replaced = Regex.Replace(previous, pattern, m => target.Possessive || subjectPossessive ? bare + "'s" : bare, RegexOptions.None, TimeSpan.FromSeconds(1));
        return replaced;
    }

    private static bool IsPossessive(string text) => text.EndsWith("'s", StringComparison.OrdinalIgnoreCase) || text.EndsWith("’s", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"\b(?:he|him|she|her|(?<possessive>his|hers))\b", RegexOptions.IgnoreCase)]
    private static partial Regex PersonalPronoun();

    // Capitalised words in a row (hyphenated and apostrophised parts allowed): "Pavel Sorokin", "Jean-Luc O'Neill".
    [GeneratedRegex(@"\b\p{Lu}[\p{Ll}’'-]+(?:\p{Lu}\p{Ll}+)?(?:\s\p{Lu}[\p{Ll}’'-]+(?:\p{Lu}\p{Ll}+)?)+")]
    private static partial Regex CapitalisedRun();

    [GeneratedRegex(@"\bit\b", RegexOptions.IgnoreCase)]
    private static partial Regex ThingPronoun();

    [GeneratedRegex(@"['’]s$")]
    private static partial Regex PossessiveEnding();

    [GeneratedRegex(@"^\s*(?:and|but|so|ok|okay)?[\s,]*(?:what|how)\s+about\s+(?<subject>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex WhatAbout();

    [GeneratedRegex(@"^\s*(and|but|so|also|then|ok|okay)\b[\s,]*", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingConnective();
}
