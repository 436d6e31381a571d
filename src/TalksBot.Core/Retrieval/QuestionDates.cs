using System.Globalization;
using System.Text.RegularExpressions;

namespace TalksBot.Core.Retrieval;

/// <summary>
/// The dates a question sets itself in: "in late May 2022", "on 12 Feb 2022", "January 27, 2026", "back in 2023".
/// A report from that month (or the weeks after it, when it was reported on) or about that year is more likely the one
/// the reader means than a later piece looking back, so it ranks higher; the others still count.
/// </summary>
public sealed partial class QuestionDates
{
    private readonly List<(int Year, int? Month)> _anchors;

    private QuestionDates(List<(int Year, int? Month)> anchors, DateOnly? firstDay, DateOnly? happenedFrom, IReadOnlySet<(int Year, int Month)> monthsWithin)
    {
        _anchors = anchors;
        MonthsWithin = monthsWithin;
        FirstDay = firstDay;
        HappenedFrom = happenedFrom;
    }

    /// <summary>
    /// The earliest whole date the question names ("on 13 September 2022", "Feb 15, 2022"), when it asks what
    /// happened then rather than what was planned for it; null when it names none.
    /// </summary>
    public DateOnly? FirstDay { get; }

    /// <summary>
    /// The earliest day what the question asks about can have happened: its <see cref="FirstDay"/>, or the first of
    /// the earliest month it names with its year ("in mid-February 2026", "the February 2023 vote"). A report from
    /// before it can tell what was planned, not what happened. Null when the question names neither, asks what was
    /// ahead, or sets a month as a bound ("before the February 2026 talks", "since January 2026").
    /// </summary>
    public DateOnly? HappenedFrom { get; }

    /// <summary>
    /// The months the question sets what it asks in ("what exact date in December 2025…"), empty when it names none
    /// with its year or a month bounds a span ("since January 2026", "before the February 2026 talks").
    /// </summary>
    public IReadOnlySet<(int Year, int Month)> MonthsWithin { get; }

    public static QuestionDates Of(string question)
    {
        var anchors = new List<(int Year, int? Month)>();
        // A follow-up's own words, not the previous question it carries in parentheses: "and which city was that
        // meeting in? (… when the two met in July 2022?)" asks for the place, whenever it was reported.
        var own = Conversations.FollowUpRewriter.SplitContext(question).Own;
        foreach (Match m in Dated().Matches(own))
        {
            int year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
            int? month = m.Groups["month"].Success && MonthOf(m.Groups["month"].Value) is > 0 and var named ? named : null;
            if (!anchors.Contains((year, month))) anchors.Add((year, month));
        }
        DateOnly? firstDay = null;
        if (!AsksAhead().IsMatch(own))
        {
            foreach (Match m in Day().Matches(own))
            {
                var (month, day, named) = DayOf(m);
                int year = named!.Value;
                if (month == 0 || day > DateTime.DaysInMonth(year, month)) continue;
                var date = new DateOnly(year, month, day);
                if (firstDay is null || date < firstDay) firstDay = date;
            }
        }
        DateOnly? happenedFrom = firstDay;
        if (!AsksAhead().IsMatch(own) && !Bounded().IsMatch(own) && !ToldAhead().IsMatch(own))
        {
            foreach (var (year, month) in anchors)
            {
                if (month is not { } m) continue;
                // "on 13 September 2022" is its day, not its month.
                if (firstDay is { } day && day.Year == year && day.Month == m) continue;
                var start = new DateOnly(year, m, 1);
                // "in mid-February 2026" is not told by a report of 1 February; "late May" by one of 12 May.
                foreach (Match part in PartOfMonth().Matches(own))
                {
                    if (int.Parse(part.Groups["year"].Value, CultureInfo.InvariantCulture) != year || MonthOf(part.Groups["month"].Value) != m) continue;
                    start = new DateOnly(year, m, part.Groups["part"].Value.StartsWith("mid", StringComparison.OrdinalIgnoreCase) ? MidMonthDay : LateMonthDay);
                }
                if (happenedFrom is null || start < happenedFrom) happenedFrom = start;
            }
        }
        var monthsWithin = Bounded().IsMatch(own) ? [] : anchors.Where(a => a.Month is not null).Select(a => (a.Year, a.Month!.Value)).ToHashSet();
        return new QuestionDates(anchors, firstDay, happenedFrom, monthsWithin);
    }

    public bool IsEmpty => _anchors.Count == 0;

    /// <summary>The days of a month the text names ("1 Feb 2026", "February 1"), as (month, day), whatever their year.</summary>
    public static IReadOnlyList<(int Month, int Day)> DaysNamed(string text)
    {
        var days = new List<(int, int)>();
        foreach (Match m in DayOfMonth().Matches(text))
        {
            var (month, day, _) = DayOf(m);
            days.Add((month, day));
        }
        return days;
    }

    /// <summary>The month (0 when unreadable), day and, when written, year of a <see cref="Day"/> or <see cref="DayOfMonth"/> match.</summary>
    private static (int Month, int Day, int? Year) DayOf(Match m) =>
        (MonthOf(m.Groups["month"].Success ? m.Groups["month"].Value : m.Groups["month2"].Value),
         int.Parse(m.Groups["day"].Success ? m.Groups["day"].Value : m.Groups["day2"].Value, CultureInfo.InvariantCulture),
         m.Groups["year"].Success ? int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture) : null);

    /// <summary>
    /// True when the sentence names the day ("on May 16, 2025", "16 May"): a day names one event as surely as its
    /// place does. A year written with it must be the day's.
    /// </summary>
    public static bool NamesDay(string sentence, DateOnly day)
    {
        foreach (Match m in DayOfMonth().Matches(sentence))
        {
            var (month, d, year) = DayOf(m);
            if (d != day.Day || month != day.Month) continue;
            if (year is null || year == day.Year) return true;
        }
        return false;
    }

    /// <summary>
    /// 1 for a report published in the month named (or up to six weeks after it), ½ for one about the year named
    /// (published then, or setting its events in it), 0 otherwise.
    /// </summary>
    public double Closeness(DateOnly? published, string text)
    {
        double best = 0;
        foreach (var (year, month) in _anchors)
        {
            if (month is { } m && published is { } p)
            {
                var start = new DateOnly(year, m, 1);
                if (p >= start.AddDays(-7) && p <= start.AddMonths(1).AddDays(MonthLateDays)) return 1;
            }
            if (month is null && TimelineQuestion.IsAbout(published, text, year)) best = 0.5;
        }
        return best;
    }

    // A month's events are reported on for some weeks after it: "in late May" may be a report of early June.
    private const int MonthLateDays = 42;

    /// <summary>The month a month's name or its first three letters names (1–12), 0 for none.</summary>
    internal static int MonthOf(string word)
    {
        var w = word.ToLowerInvariant();
        for (int i = 0; i < TextAnalyzer.MonthNames.Count; i++)
        {
            if (TextAnalyzer.MonthNames[i].StartsWith(w[..3], StringComparison.Ordinal)) return i + 1;
        }
        return 0;
    }

    private const string Month = @"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

    // "13 September 2022", "on the 9th of Feb 2026", "Feb 15, 2022".
    [GeneratedRegex(@"\b(?:(?<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?<month>" + Month + @")|(?<month2>" + Month + @")\.?\s+(?<day2>\d{1,2})(?:st|nd|rd|th)?)(?![\w-])\.?,?\s+(?<year>(?:19|20)\d\d)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Day();

    // "16 May", "May 16, 2025", "on the 9th of Feb".
    [GeneratedRegex(@"\b(?:(?<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?<month>" + Month + @")|(?<month2>" + Month + @")\.?\s+(?<day2>\d{1,2})(?:st|nd|rd|th)?)(?![\w-])(?:\.?,?\s+(?<year>(?:19|20)\d\d)\b)?", RegexOptions.IgnoreCase)]
    private static partial Regex DayOfMonth();

    // "When will the talks on 13 September be held?", "what was planned for…", "were supposed to…": a day ahead of the report.
    [GeneratedRegex(@"\b(?:will|going\s+to|due|planned|scheduled|expected|supposed|set\s+to|meant\s+to)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AsksAhead();

    // "Who announced there would be no parade in May 2024?": what would happen is told before it, so the month is the
    // event's, not the report's.
    [GeneratedRegex(@"\bwould\b", RegexOptions.IgnoreCase)]
    private static partial Regex ToldAhead();

    // The first day a part of a month can mean: mid-month from the 10th, late in it from the 20th.
    private const int MidMonthDay = 10;
    private const int LateMonthDay = 20;

    // "mid-February 2026", "late May 2022", "the end of March 2023".
    [GeneratedRegex(@"\b(?<part>mid|late|end\s+of)[-\s]+(?<month>" + Month + @")\.?\s+(?<year>(?:19|20)\d\d)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PartOfMonth();

    // "before the February 2026 talks", "since January 2026", "between March and May 2022": the month bounds a span.
    [GeneratedRegex(@"\b(?:before|since|until|till|prior|ahead|between|from|leading\s+up|run-?up|compared?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Bounded();

    [GeneratedRegex(@"(?:\b(?<month>" + Month + @")\.?\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?)?\b(?<year>(?:19|20)\d\d)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Dated();
}
