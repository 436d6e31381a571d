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
        var drop = new List<string>();
        var shortOnly = new List<string>();
        var strip = new List<string>();
        foreach (var (lineNumber, line) in DataFileLines.Of(rules))
        {
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
                _ = Rule(pattern);
            }
            catch (ArgumentException ex)
            {
                throw new FormatException($"Boilerplate rules, line {lineNumber}: invalid pattern '{pattern}': {ex.Message}");
            }
            list.Add(pattern);
        }
        _drop = [.. drop.Select(Rule)];
        _short = [.. shortOnly.Select(Rule)];
        _strip = [.. strip.Select(Rule)];
    }

    private static Regex Rule(string pattern) =>
        new(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromSeconds(1));

    /// <summary>The filter with the rules shipped in the repository.</summary>
    public static BoilerplateFilter Default { get; } = new(ReadRules());

    /// <summary>The body without its boilerplate lines, and how many lines were dropped.</summary>
    public CleanedBody Clean(string body)
    {
        // Lines are read as spans of the body and copied once, into a pooled buffer; a string is made only for a line
        // that a strip rule or a link changes, and for the result. What is kept is never longer than the body: lines
        // only lose characters, and each kept line brings one line break (the body's own, or one trimmed off the end).
        // (A line's "\r" before its "\n" is whitespace and trimmed with the rest.)
        var buffer = System.Buffers.ArrayPool<char>.Shared.Rent(body.Length + 1);
        try
        {
            int length = 0;
            int dropped = 0;
            var rest = body.AsSpan();
            while (true)
            {
                int end = rest.IndexOf('\n');
                var line = (end < 0 ? rest : rest[..end]).Trim();
                if (line.Length == 0)
                {
                    // Blank lines before the first kept one would be trimmed from the result anyway.
                    if (length > 0) buffer[length++] = '\n';
                }
                else if (IsBoilerplate(line) || Strip(line) is var cleaned && !HasLetterOrDigit(cleaned))
                {
                    dropped++;
                }
                else
                {
                    cleaned.CopyTo(buffer.AsSpan(length));
                    length += cleaned.Length;
                    buffer[length++] = '\n';
                }
                if (end < 0) break;
                rest = rest[(end + 1)..];
            }
            while (length > 0 && char.IsWhiteSpace(buffer[length - 1])) length--;
            return new CleanedBody(new string(buffer, 0, length), dropped);
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static bool HasLetterOrDigit(ReadOnlySpan<char> text)
    {
        foreach (var c in text) if (char.IsLetterOrDigit(c)) return true;
        return false;
    }

    private bool IsBoilerplate(ReadOnlySpan<char> line)
    {
        if (AnyMatches(_drop, line)) return true;
        if (PassageSplitter.CountWords(line) <= ShortLineWords && AnyMatches(_short, line)) return true;
        return IsMostlyLinks(line) || IsMenu(line);
    }

    private static bool AnyMatches(Regex[] rules, ReadOnlySpan<char> line)
    {
        foreach (var rule in rules)
        {
            if (rule.IsMatch(line)) return true;
        }
        return false;
    }

    private ReadOnlySpan<char> Strip(ReadOnlySpan<char> line)
    {
        bool rules = AnyMatches(_strip, line);
        bool link = MarkdownLink().IsMatch(line);
        bool url = BareUrl().IsMatch(line);
        bool spaces = MultipleSpaces().IsMatch(line);
        if (!rules && !link && !url && !spaces) return line;
        var text = line.ToString();
        if (rules)
        {
            foreach (var rule in _strip) text = rule.Replace(text, "");
        }
        // A Markdown link keeps its text: [the talks](https://…) reads "the talks".
        text = MarkdownLink().Replace(text, "$1");
        text = BareUrl().Replace(text, "");
        return MultipleSpaces().Replace(text, " ").AsSpan().Trim();
    }

    // A line that is mostly addresses is a list of links or references, not prose.
    private static bool IsMostlyLinks(ReadOnlySpan<char> line)
    {
        int urlChars = 0, urls = 0;
        foreach (var m in AnyUrl().EnumerateMatches(line))
        {
            urlChars += m.Length;
            urls++;
        }
        if (urls == 0) return false;
        var text = AnyUrl().Replace(line.ToString(), " ");
        text = MarkdownLink().Replace(text, "$1");
        int words = PassageSplitter.CountWords(text);
        return urlChars > line.Length / 2 || (urls >= 3 && words < 4 * urls);
    }

    // "Russia | Ukraine | United States | War": a menu of short items.
    private static bool IsMenu(ReadOnlySpan<char> line)
    {
        if (line.Count('|') < 3) return false;
        var parts = line.ToString().Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
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
