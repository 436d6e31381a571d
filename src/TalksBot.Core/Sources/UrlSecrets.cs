using System.Text;
using System.Text.RegularExpressions;

namespace TalksBot.Core.Sources;

/// <summary>
/// Source URLs as they may be shown or logged: a feed URL can carry credentials (<c>http://user:pass@host/rss</c>) or a
/// key in its query (<c>?apikey=…</c>), and sources are listed to every chat member, in <c>index status</c> and in the
/// log. Only what is shown is masked; the stored location keeps the real URL, which the refresh needs.
/// </summary>
public static partial class UrlSecrets
{
    public const string Mask = "***";

    /// <summary><paramref name="location"/> with user info and secret-looking query values masked; anything else as it is.</summary>
    public static string Hide(string location)
    {
        var scheme = location.IndexOf("://", StringComparison.Ordinal);
        if (scheme <= 0 || !location.AsSpan(0, scheme).ToString().All(char.IsAsciiLetter)) return location;
        int authorityStart = scheme + 3;
        int authorityEnd = location.IndexOfAny(['/', '?', '#'], authorityStart);
        if (authorityEnd < 0) authorityEnd = location.Length;
        var sb = new StringBuilder(location.Length);
        sb.Append(location, 0, authorityStart);
        int at = location.LastIndexOf('@', authorityEnd - 1, authorityEnd - authorityStart);
        sb.Append(at >= 0 ? Mask + location[at..authorityEnd] : location[authorityStart..authorityEnd]);

        int query = location.IndexOf('?', authorityEnd);
        int fragment = location.IndexOf('#', authorityEnd);
        if (query < 0 || (fragment >= 0 && fragment < query))
        {
            sb.Append(location, authorityEnd, location.Length - authorityEnd);
            return sb.ToString();
        }
        sb.Append(location, authorityEnd, query + 1 - authorityEnd);
        int queryEnd = fragment >= 0 ? fragment : location.Length;
        var pairs = location[(query + 1)..queryEnd].Split('&');
        for (int i = 0; i < pairs.Length; i++)
        {
            if (i > 0) sb.Append('&');
            var eq = pairs[i].IndexOf('=');
            if (eq > 0 && IsSecretName(Uri.UnescapeDataString(pairs[i][..eq]))) sb.Append(pairs[i], 0, eq + 1).Append(Mask);
            else sb.Append(pairs[i]);
        }
        sb.Append(location, queryEnd, location.Length - queryEnd);
        return sb.ToString();
    }

    /// <summary>Every URL in <paramref name="text"/> (an error reason, a log message) hidden as <see cref="Hide"/> does.</summary>
    public static string HideIn(string text) => text.Contains("://", StringComparison.Ordinal) ? Url().Replace(text, m => Hide(m.Value)) : text;

    /// <summary>Names that say "this value opens something": keys, tokens, secrets, passwords, signatures, sessions.</summary>
    public static bool IsSecretName(string name) => SecretName().IsMatch(name);

    [GeneratedRegex(@"key|token|secret|pass|pwd|sig|auth|credential|session|bearer|jwt", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    // Punctuation that ends a sentence or a "url: reason" is not part of the URL.
    [GeneratedRegex(@"\b[a-zA-Z][a-zA-Z0-9+.-]*://[^\s""'<>]*[^\s""'<>.,;:!?)]")]
    private static partial Regex Url();
}
