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
        // Hashed a chunk at a time as UTF-8, the same bytes as hashing the whole normalized string, without building
        // that string (a copy of every body at every refresh).
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<char> chars = stackalloc char[512];
        Span<byte> bytes = stackalloc byte[512 * 3];
        var encoder = Encoding.UTF8.GetEncoder();
        int n = 0;
        for (int i = 0; i < body.Length; i++)
        {
            char ch = body[i];
            if (!char.IsLetterOrDigit(ch)) continue;
            chars[n++] = char.ToLowerInvariant(ch);
            // (A surrogate is never a letter or digit on its own, so none reaches the buffer, as none reached the string.)
            if (n == chars.Length) n = Flush(hash, encoder, chars[..n], bytes, final: false);
        }
        Flush(hash, encoder, chars[..n], bytes, final: true);
        Span<byte> digest = stackalloc byte[32];
        hash.GetHashAndReset(digest);
        return Convert.ToHexString(digest[..16]).ToLowerInvariant();
    }

    private static int Flush(IncrementalHash hash, Encoder encoder, ReadOnlySpan<char> chars, Span<byte> bytes, bool final)
    {
        int written = encoder.GetBytes(chars, bytes, flush: final);
        hash.AppendData(bytes[..written]);
        return 0;
    }
}
