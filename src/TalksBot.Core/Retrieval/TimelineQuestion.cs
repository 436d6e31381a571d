using System.Text.RegularExpressions;

namespace TalksBot.Core.Retrieval;

/// <summary>
/// A question about change over time ("How has Moscow's position changed since January?", "How did the talks move on
/// from Abu Dhabi to Geneva?", "How did the 2022 talks compare with the 2026 negotiations?"). Its anchors — two years,
/// or the two names of a "from X to Y" / "between X and Y" — are searched one at a time, so each end of the story is
/// found, and the answer reads in date order.
/// </summary>
public sealed partial record TimelineQuestion(string Question, IReadOnlyList<string> Anchors)
{
    public static TimelineQuestion? Parse(string question)
    {
        if (!Cue().IsMatch(question)) return null;
        // "How many … since 2022?", "Since when has the army fought there?", "When was the biggest attack since the
        // invasion?": a question asking for one number, date, place, person, reason or statement is no story over time,
        // whatever its words.
        if (Answering.AnswerCandidates.TypeOf(question) != Answering.QuestionType.Other) return null;
        var anchors = Years().Matches(question).Select(m => m.Value).Distinct().ToList();
        if (anchors.Count < 2)
        {
            anchors = [];
            var span = Span().Match(question);
            if (span.Success)
            {
                foreach (var side in new[] { span.Groups["a"].Value, span.Groups["b"].Value })
                {
                    var name = Name().Match(side);
                    if (name.Success) anchors.Add(name.Value);
                }
                if (anchors.Count < 2) anchors = [];
            }
        }
        return new TimelineQuestion(question, anchors);
    }

    /// <summary>The question about one anchor: the other anchors left out ("… from Abu Dhabi to ?" finds Abu Dhabi's part).</summary>
    public IEnumerable<string> PerAnchor()
    {
        foreach (var anchor in Anchors)
        {
            var text = Question;
            foreach (var other in Anchors.Where(a => a != anchor)) text = Regex.Replace(text, $@"\b{Regex.Escape(other)}\b", " ", RegexOptions.None, TimeSpan.FromMilliseconds(100));
            yield return WithoutCue(text);
        }
    }

    /// <summary>
    /// The question without its cue words: "compare", "changed", "moved on" say what to do with the two ends, not what
    /// either end is about. Left in, they find passages that merely use the word ("a global power comparable to the
    /// United States").
    /// </summary>
    public string Topic => WithoutCue(Question);

    private static string WithoutCue(string text) => MultipleSpaces().Replace(Cue().Replace(text, " "), " ").Trim();

    /// <summary>The year an anchor names ("2022"), or null for a named one ("Abu Dhabi").</summary>
    public static int? YearOf(string anchor) => anchor.Length == 4 && int.TryParse(anchor, out var year) && Years().IsMatch(anchor) ? year : null;

    /// <summary>
    /// True when a passage is about the year: its report was published that year, or it sets events in it ("In 2022,
    /// there were five rounds of talks", "the talks of spring 2022"). A passing mention of the year that dates
    /// something else — the invasion of February 2022, a war waged since 2022 — is not.
    /// </summary>
    public static bool IsAbout(DateOnly? published, string text, int year)
    {
        if (published?.Year == year) return true;
        var y = year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!text.Contains(y, StringComparison.Ordinal)) return false;
        foreach (var sentence in Articles.SentenceSplitter.Split(text))
        {
            if (sentence.Contains(y, StringComparison.Ordinal) && !PassingYear().IsMatch(sentence)) return true;
        }
        return false;
    }

    /// <summary>
    /// "What's the latest on the talks?", "any news on …", "most recent developments": a question for the newest
    /// reports, answered newest first with each report's date and how old the newest is. (A "now" or "current" alone
    /// asks who holds a role today, not for news.)
    /// </summary>
    public static bool AsksLatest(string question) => Latest().IsMatch(question);

    [GeneratedRegex(@"\b(latest|newest|most recent|recent (news|developments|reports)|any news|what'?s new|(the )?news (on|about))\b", RegexOptions.IgnoreCase)]
    private static partial Regex Latest();

    [GeneratedRegex(@"\b(chang(e|ed|es|ing)|evolv(e|ed|ing)|compar(e|ed|es|ing)|shift(ed)?|develop(ed|ments)?|move[ds]? on|moved|progress(ed)?|since|timeline|over time|so far)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Cue();

    /// <summary>
    /// True when the text tells of the year by its distance from the report's date: "last year", "last September" in a
    /// report of March 2023 tell of 2022 ("last September" in a report of November 2023 tells of 2023).
    /// </summary>
    public static bool TellsOfYearBefore(DateOnly published, string text, int year)
    {
        foreach (Match m in LastYearOrMonth().Matches(text))
        {
            if (!m.Groups["month"].Success)
            {
                if (published.Year - 1 == year) return true;
                continue;
            }
            int month = QuestionDates.MonthOf(m.Groups["month"].Value);
            if (month > 0 && (month >= published.Month ? published.Year - 1 : published.Year) == year) return true;
        }
        return false;
    }

    [GeneratedRegex(@"\blast\s+(?:year|(?<month>jan(?:uary)?|feb(?:ruary)?|march|april|may|june|july|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?))\b", RegexOptions.IgnoreCase)]
    private static partial Regex LastYearOrMonth();

    [GeneratedRegex(@"\b(19|20)\d\d\b")]
    private static partial Regex Years();

    [GeneratedRegex(@"\b(from|between)\s+(?<a>.+?)\s+(to|and|until)\s+(?<b>.+?)(\?|$)", RegexOptions.IgnoreCase)]
    private static partial Regex Span();

    // The first name of a side: capitalised words together ("the Abu Dhabi talks" → "Abu Dhabi").
    [GeneratedRegex(@"\p{Lu}[\p{L}'’-]+(\s+\p{Lu}[\p{L}'’-]+)*")]
    private static partial Regex Name();

    // A sentence that names a year only to date the invasion or to open a span up to now ("since 2022").
    [GeneratedRegex(@"\b(invasion|invaded|invade|since)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PassingYear();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex MultipleSpaces();
}
