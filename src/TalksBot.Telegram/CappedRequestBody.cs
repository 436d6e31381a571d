using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace TalksBot.Telegram;

/// <summary>
/// Reads a request body of at most a given size, never more: a declared Content-Length past the cap is refused before
/// a byte is read, and a body without one is read in chunks and refused as soon as it passes the cap. So an
/// unauthenticated sender can't make the process hold more than the cap per request.
/// </summary>
internal static class CappedRequestBody
{
    /// <summary>
    /// Tells the server the request may not be larger than <paramref name="maxBytes"/>, before anything is read: a body
    /// refused unread (bad signature, 413) is then not drained past the cap after the answer either.
    /// </summary>
    public static void Limit(HttpContext http, int maxBytes)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = maxBytes;
    }

    /// <returns>The body, or null when it is larger than <paramref name="maxBytes"/> (answer 413).</returns>
    public static async Task<byte[]?> ReadAsync(HttpContext http, int maxBytes, CancellationToken ct)
    {
        Limit(http, maxBytes);
        if (http.Request.ContentLength > maxBytes) return null;
        var buffer = new byte[Math.Min(maxBytes + 1, (int)(http.Request.ContentLength ?? 16 * 1024) + 1)];
        int length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > maxBytes) return null;
                    Array.Resize(ref buffer, Math.Min(maxBytes + 1, buffer.Length * 2));
                }
                int read = await http.Request.Body.ReadAsync(buffer.AsMemory(length), ct);
                if (read == 0) break;
                length += read;
                if (length > maxBytes) return null;
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
        return buffer[..length];
    }
}
