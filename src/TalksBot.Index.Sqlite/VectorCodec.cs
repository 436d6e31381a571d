using System.Runtime.InteropServices;

namespace TalksBot.Index.Sqlite;

/// <summary>Vectors stored as little-endian float32 blobs.</summary>
internal static class VectorCodec
{
    public static byte[] Encode(ReadOnlySpan<float> vector) => MemoryMarshal.AsBytes(vector).ToArray();

    public static float[] Decode(byte[] blob) => MemoryMarshal.Cast<byte, float>(blob).ToArray();
}
