using System.Security.Cryptography;
using System.Text;

namespace TalksBot.Core.Articles;

/// <summary>Short stable fingerprints: of raw content (did this file change?) and of normalized body (is this the same article twice?).</summary>
public static class ContentHash
{
    public static string Of(ReadOnlySpan<byte> content) => Convert.ToHexString(SHA256.HashData(content), 0, 16).ToLowerInvariant();

    public static string Of(string text) => Of(Encoding.UTF8.GetBytes(text));

    /// <summary>Hash of the body with case, punctuation and whitespace removed, so two scrapes of one story collide.</summary>
    public static string OfNormalizedBody(string body)
    {
        var sb = new StringBuilder(body.Length);
        foreach (var ch in body)
        {
            if (char.IsLetterOrDigit(ch)) sb.Append(char.ToLowerInvariant(ch));
        }
        return Of(sb.ToString());
    }
}
