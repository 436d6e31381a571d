using System.Runtime.InteropServices;

namespace TalksBot.Testing.Hostile;

/// <summary>The hostile-input corpus for source folders: generated files and file-system shapes.</summary>
public static class HostileFiles
{
    /// <summary>A small valid Markdown article of about 60 words (enough to be indexed) about <paramref name="topic"/>.</summary>
    public static string Article(string title, string topic) =>
        $"---\ntitle: {title}\noutlet: Test Wire\npublished: 2026-02-18\n---\n\n"
        + string.Join(" ", Enumerable.Repeat($"{topic}, officials said on Wednesday after the meeting ended.", 6)) + "\n";

    /// <summary>
    /// Builds the hostile folder shapes in <paramref name="root"/>: two symbolic links from a subfolder back to the root
    /// (a loop), a named pipe (blocks whoever opens it), and a symbolic link to /dev/zero (never ends).
    /// </summary>
    public static void MakeLoopsPipeAndEndlessFile(string root)
    {
        var sub = Directory.CreateDirectory(Path.Combine(root, "sub")).FullName;
        Directory.CreateSymbolicLink(Path.Combine(sub, "up"), root);
        Directory.CreateSymbolicLink(Path.Combine(sub, "up2"), root);
        if (MakeFifo(Path.Combine(root, "pipe.txt"), 0b110_100_100) != 0) throw new IOException($"mkfifo failed: {Marshal.GetLastPInvokeError()}");
        File.CreateSymbolicLink(Path.Combine(root, "zero.md"), "/dev/zero");
    }

    /// <summary>
    /// Damages an SQLite file the way a bad disk would: the header page stays valid (it still opens), every page after
    /// it is overwritten with garbage.
    /// </summary>
    public static void DamagePagesAfterTheHeader(string databasePath)
    {
        using var file = new FileStream(databasePath, FileMode.Open, FileAccess.ReadWrite);
        int pageSize = file.ReadByte() is >= 0 ? ReadPageSize(file) : 4096;
        file.Position = pageSize;
        var garbage = new byte[file.Length - pageSize];
        for (int i = 0; i < garbage.Length; i++) garbage[i] = (byte)(i * 37 + 11);
        file.Write(garbage);
    }

    private static int ReadPageSize(FileStream file)
    {
        file.Position = 16; // big-endian page size in the header; 1 means 65536
        int size = (file.ReadByte() << 8) | file.ReadByte();
        return size == 1 ? 65536 : size;
    }

    [DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    private static extern int MakeFifo([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint mode);
}
