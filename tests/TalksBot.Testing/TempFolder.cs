namespace TalksBot.Testing;

/// <summary>
/// A fresh folder under the system's temp folder, deleted with everything in it when disposed. A store that keeps
/// files open in a pool (SQLite) passes the call that releases them, run first. A folder that cannot be deleted is left
/// behind rather than failing the test.
/// </summary>
public sealed class TempFolder(string prefix, Action? release = null) : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory(prefix).FullName;

    public void Dispose()
    {
        release?.Invoke();
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
