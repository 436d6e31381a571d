using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace TalksBot.Core.Articles;

/// <summary>
/// Drops what a scraped page wraps around a story — navigation, "Read more" and sign-up prompts, photo captions and
/// credits, cookie text, footnote and link lists, lines that are mostly links — before the body is split into
/// passages, so none of it is indexed, embedded or quoted. The rules are data (boilerplate.txt).
/// </summary>
public sealed partial class BoilerplateFilter
{
    private const int ShortLineWords = 25;
    private readonly Regex[] _drop;
    private readonly Regex[] _short;
    private readonly Regex[] _strip;

    public BoilerplateFilter(string rules)
    {
        var drop = new List<Regex>();
        var shortOnly = new List<Regex>();
        var strip = new List<Regex>();
        int lineNumber = 0;
        foreach (var raw in rules.Split('\n'))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            int colon = line.IndexOf(':');
            var kind = colon > 0 ? line[..colon] : "";
            var pattern = colon > 0 ? line[(colon + 1)..].Trim() : "";
            var list = kind switch { "drop" => drop, "short" => shortOnly, "strip" => strip, _ => null };
            if (list is null || pattern.Length == 0)
            {
                throw new FormatException($"Boilerplate rules, line {lineNumber}: expected 'drop:', 'short:' or 'strip:' and a pattern, got '{line}'.");
            }
            try
            {
                list.Add(new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromSeconds(1)));
            }
            catch (ArgumentException ex)
            {
                throw new FormatException($"Boilerplate rules, line {lineNumber}: invalid pattern '{pattern}': {ex.Message}");
            }
        }
        _drop = [.. drop];
        _short = [.. shortOnly];
        _strip = [.. strip];
    }

    /// <summary>The filter with the rules shipped in the repository.</summary>
    public static BoilerplateFilter Default { get; } = new(ReadRules());

    /// <summary>The body without its boilerplate lines, and how many lines were dropped.</summary>
    public CleanedBody Clean(string body)
    {
        var kept = new StringBuilder(body.Length);
        int dropped = 0;
        foreach (var raw in body.Replace("\r\n", "\n").Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                kept.Append('\n');
                continue;
            }
            if (IsBoilerplate(line))
            {
                dropped++;
                continue;
            }
            var cleaned = Strip(line);
            if (cleaned.Length == 0 || !cleaned.Any(char.IsLetterOrDigit))
            {
                dropped++;
                continue;
            }
            kept.Append(cleaned).Append('\n');
        }
        return new CleanedBody(kept.ToString().Trim(), dropped);
    }

    private bool IsBoilerplate(string line)
    {
        foreach (var rule in _drop)
        {
            if (rule.IsMatch(line)) return true;
        }
        if (PassageSplitter.CountWords(line) <= ShortLineWords)
        {
            foreach (var rule in _short)
            {
                if (rule.IsMatch(line)) return true;
            }
        }
        return IsMostlyLinks(line) || IsMenu(line);
    }

    private string Strip(string line)
    {
        foreach (var rule in _strip) line = rule.Replace(line, "");
        // A Markdown link keeps its text: [the talks](https://…) reads "the talks".
        line = MarkdownLink().Replace(line, "$1");
        line = BareUrl().Replace(line, "");
        return MultipleSpaces().Replace(line, " ").Trim();
    }

    // A line that is mostly addresses is a list of links or references, not prose.
    private static bool IsMostlyLinks(string line)
    {
        int urlChars = 0, urls = 0;
        foreach (Match m in AnyUrl().Matches(line))
        {
            urlChars += m.Length;
            urls++;
        }
        if (urls == 0) return false;
        var text = AnyUrl().Replace(line, " ");
        text = MarkdownLink().Replace(text, "$1");
        int words = PassageSplitter.CountWords(text);
        return urlChars > line.Length / 2 || (urls >= 3 && words < 4 * urls);
    }

    // "Russia | Ukraine | United States | War": a menu of short items.
    private static bool IsMenu(string line)
    {
        var parts = line.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 4 && parts.Count(p => PassageSplitter.CountWords(p) <= 4) >= parts.Length - 1;
    }

    private static string ReadRules()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("TalksBot.Core.boilerplate.txt")
            ?? throw new InvalidOperationException("Embedded data file boilerplate.txt is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"!?\[([^\]]*)\]\((?:[^()\s]|\([^()\s]*\))*\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"(?<![\w/])(?:https?://|www\.)[^\s<>)\]]+", RegexOptions.IgnoreCase)]
    private static partial Regex BareUrl();

    [GeneratedRegex(@"(?:https?://|www\.|t\.me/)[^\s<>)\]]+", RegexOptions.IgnoreCase)]
    private static partial Regex AnyUrl();

    [GeneratedRegex(@"[ \t]{2,}")]
    private static partial Regex MultipleSpaces();
}
