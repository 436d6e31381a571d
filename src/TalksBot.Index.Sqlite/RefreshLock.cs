using TalksBot.Core.Indexing;

namespace TalksBot.Index.Sqlite;

/// <summary>
/// An exclusive lock file beside the database, so two processes on one database never refresh at once.
/// .NET takes an advisory flock for FileShare.None on Unix (a share-mode lock on Windows); the OS drops it if the process dies.
/// </summary>
internal sealed class RefreshLock : IDisposable
{
    private readonly FileStream _stream;

    private RefreshLock(FileStream stream) => _stream = stream;

    public static RefreshLock Acquire(string databasePath)
    {
        var path = databasePath + ".refresh.lock";
        try
        {
            var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            return new RefreshLock(stream);
        }
        catch (IOException)
        {
            throw new RefreshInProgressException("Another refresh is running on this index (another process holds its lock); try again when it has finished.");
        }
    }

    public void Dispose() => _stream.Dispose();
}
