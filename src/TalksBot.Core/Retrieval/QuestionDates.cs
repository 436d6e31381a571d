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

    private QuestionDates(List<(int Year, int? Month)> anchors) => _anchors = anchors;

    public static QuestionDates Of(string question)
    {
        var anchors = new List<(int Year, int? Month)>();
        // A follow-up's own words, not the previous question it carries in parentheses: "and which city was that
        // meeting in? (… when the two met in July 2022?)" asks for the place, whenever it was reported.
        foreach (Match m in Dated().Matches(Conversations.FollowUpRewriter.SplitContext(question).Own))
        {
            int year = int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture);
            int? month = m.Groups["month"].Success && MonthOf(m.Groups["month"].Value) is > 0 and var named ? named : null;
            if (!anchors.Contains((year, month))) anchors.Add((year, month));
        }
        return new QuestionDates(anchors);
    }

    public bool IsEmpty => _anchors.Count == 0;

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

    private static int MonthOf(string word)
    {
        var w = word.ToLowerInvariant();
        for (int i = 0; i < TextAnalyzer.MonthNames.Count; i++)
        {
            if (TextAnalyzer.MonthNames[i].StartsWith(w[..3], StringComparison.Ordinal)) return i + 1;
        }
        return 0;
    }

    [GeneratedRegex(@"(?:\b(?<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?)?\b(?<year>(?:19|20)\d\d)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Dated();
}
