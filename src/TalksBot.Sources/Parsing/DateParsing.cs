using System.Globalization;
using System.Text.RegularExpressions;

namespace TalksBot.Sources.Parsing;

/// <summary>Publication dates in the forms news pages and scrapes use: ISO-8601, RFC-822, "Wed, January 21, 2026", "January 19th, 2026", "24 Jun 2026".</summary>
public static partial class DateParsing
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd", "yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mm:ss.FFFFFFFK", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mmK", "yyyy-MM-dd HH:mm:ss",
        "ddd, d MMM yyyy HH:mm:ss 'GMT'", "ddd, d MMM yyyy HH:mm:ss zzz", "ddd, dd MMM yyyy HH:mm:ss 'GMT'", "ddd, dd MMM yyyy HH:mm:ss zzz",
        "d MMM yyyy HH:mm:ss 'GMT'", "ddd, MMMM d, yyyy", "dddd, MMMM d, yyyy", "MMMM d, yyyy", "MMM d, yyyy", "d MMMM yyyy", "d MMM yyyy",
        "yyyyMMdd", "yyyy/MM/dd", "MM/dd/yyyy",
    ];

    public static DateOnly? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var s = text.Trim();
        s = OrdinalSuffix().Replace(s, "$1");
        if (DateTimeOffset.TryParseExact(s, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var exact))
            return DateOnly.FromDateTime(exact.UtcDateTime.Date == exact.Date ? exact.Date : exact.Date);
        if (DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var loose))
            return DateOnly.FromDateTime(loose.Date);
        var iso = IsoDate().Match(s);
        if (iso.Success && DateOnly.TryParseExact(iso.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        return null;
    }

    /// <summary>The first "Month Dth, YYYY" or "D Month YYYY" written in running text (a dateline).</summary>
    public static DateOnly? FindInText(string text)
    {
        var m = WrittenDate().Match(text);
        return m.Success ? Parse(m.Value) : null;
    }

    [GeneratedRegex(@"\b(\d{1,2})(st|nd|rd|th)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OrdinalSuffix();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"\b(January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2}(st|nd|rd|th)?,\s+\d{4}\b|\b\d{1,2}\s+(January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{4}\b")]
    private static partial Regex WrittenDate();
}
