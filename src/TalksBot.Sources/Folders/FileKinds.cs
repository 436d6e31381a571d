using System.Runtime.InteropServices;

namespace TalksBot.Sources.Folders;

/// <summary>
/// What .NET doesn't say about a path on Unix: whether it is a regular file (not a pipe, device or socket, which block
/// or never end when read), and its real path (symbolic links resolved), so a folder is visited once.
/// </summary>
internal static class FileKinds
{
    private const int TypeMask = 0xF000, Regular = 0x8000;

    /// <summary>True for a regular file (following symbolic links); false for a pipe, device or socket.</summary>
    public static bool IsRegularFile(string path)
    {
        if (OperatingSystem.IsWindows()) return true;
        // st_mode's offset in struct stat: 24 on x86-64, 16 on arm64 (glibc and musl alike).
        int offset = RuntimeInformation.ProcessArchitecture switch { Architecture.X64 => 24, Architecture.Arm64 => 16, _ => -1 };
        if (offset < 0) return true;
        var buffer = new byte[256];
        try
        {
            if (Stat(path, buffer) != 0) return true; // let the open report why
        }
        catch (EntryPointNotFoundException)
        {
            return true; // a C library without stat(): the capped read still bounds what is read
        }
        return (BitConverter.ToInt32(buffer, offset) & TypeMask) == Regular;
    }

    /// <summary>The path with every symbolic link resolved, or the full path when that can't be had.</summary>
    public static string RealPath(string path)
    {
        if (OperatingSystem.IsWindows()) return Path.GetFullPath(path);
        var resolved = RealPathNative(path, IntPtr.Zero);
        if (resolved == IntPtr.Zero) return Path.GetFullPath(path);
        try
        {
            return Marshal.PtrToStringUTF8(resolved) ?? Path.GetFullPath(path);
        }
        finally
        {
            Free(resolved);
        }
    }

    [DllImport("libc", EntryPoint = "stat")]
    private static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, [Out] byte[] buffer);

    [DllImport("libc", EntryPoint = "realpath")]
    private static extern IntPtr RealPathNative([MarshalAs(UnmanagedType.LPUTF8Str)] string path, IntPtr resolved);

    [DllImport("libc", EntryPoint = "free")]
    private static extern void Free(IntPtr pointer);
}
