using System.Net;

namespace TalksBot.Testing.Hostile;

/// <summary>
/// A large request body generated as it is sent (the test holds one small chunk, not the whole body): with a declared
/// Content-Length, or chunked so the server can't know its size in advance.
/// </summary>
public sealed class GeneratedBody(long bytes, bool declareLength) : HttpContent
{
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        var chunk = new byte[64 * 1024];
        Array.Fill(chunk, (byte)'{');
        for (long sent = 0; sent < bytes; sent += chunk.Length)
        {
            await stream.WriteAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, bytes - sent)));
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = bytes;
        return declareLength;
    }
}
