using System.Globalization;
using System.Text.RegularExpressions;
using TalksBot.Sources.Parsing;

namespace TalksBot.Sources.Feeds;

/// <summary>Feed dates as found in the wild: RFC-822 with named zones or none, ISO-8601, two-digit years, no day names.</summary>
public static partial class FeedDates
{
    private static readonly Dictionary<string, string> Zones = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UT"] = "+0000", ["UTC"] = "+0000", ["GMT"] = "+0000", ["Z"] = "+0000",
        ["EST"] = "-0500", ["EDT"] = "-0400", ["CST"] = "-0600", ["CDT"] = "-0500",
        ["MST"] = "-0700", ["MDT"] = "-0600", ["PST"] = "-0800", ["PDT"] = "-0700",
        ["CET"] = "+0100", ["CEST"] = "+0200", ["MSK"] = "+0300",
    };

    public static DateOnly? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var s = text.Trim();
        var m = Rfc822().Match(s);
        if (m.Success)
        {
            var year = m.Groups["year"].Value;
            if (year.Length == 2) year = (int.Parse(year, CultureInfo.InvariantCulture) < 50 ? "20" : "19") + year;
            if (DateTime.TryParseExact($"{m.Groups["day"].Value} {m.Groups["month"].Value[..3]} {year}", "d MMM yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                // Shift to UTC when the time and zone are readable; otherwise the calendar date as published.
                var zone = m.Groups["zone"].Value;
                var offset = (Zones.TryGetValue(zone, out var named) ? named : zone).Replace(":", "");
                if (m.Groups["time"].Success && OffsetPattern().IsMatch(offset))
                {
                    var time = m.Groups["time"].Value;
                    if (time.Count(c => c == ':') == 1) time += ":00";
                    var stamp = $"{date:yyyy-MM-dd} {time} {offset[..3]}:{offset[3..]}";
                    if (DateTimeOffset.TryParseExact(stamp, "yyyy-MM-dd H:mm:ss zzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out var full))
                        return DateOnly.FromDateTime(full.UtcDateTime);
                }
                return DateOnly.FromDateTime(date);
            }
        }
        return DateParsing.Parse(s);
    }

    [GeneratedRegex(@"^(?:[^\d,]+,?\s*)?(?<day>\d{1,2})\s+(?<month>[A-Za-z]{3,})\.?\s+(?<year>\d{2,4})(?:\s+(?<time>\d{1,2}:\d{2}(?::\d{2})?))?\s*(?<zone>[A-Za-z]{1,4}|[+-]\d{2}:?\d{2})?")]
    private static partial Regex Rfc822();

    [GeneratedRegex(@"^[+-]\d{4}$")]
    private static partial Regex OffsetPattern();
}
