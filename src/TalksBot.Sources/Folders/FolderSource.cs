using System.Runtime.CompilerServices;
using TalksBot.Core.Sources;
using TalksBot.Sources.Parsing;

namespace TalksBot.Sources.Folders;

/// <summary>
/// A folder read recursively: .txt dumps, Markdown with front matter, saved HTML pages. Hidden files and folders are
/// ignored, as are README and LICENSE files (they describe a corpus, they are not articles); every other file yields an
/// item, in a stable order. Only regular files are read (a pipe or device is skipped, never opened), at most
/// <see cref="ArticleFileReader.MaxBytes"/> + 1 bytes whatever length the file reports; each real folder is visited once,
/// so symbolic links that loop are harmless. A subfolder that can't be read is an error and its indexed articles are
/// kept (reported unchanged): unreadable is not vanished.
/// </summary>
public sealed class FolderSource : IArticleSource
{
    private readonly Func<string, IEnumerable<FileSystemInfo>> _list;

    public FolderSource(string folder) : this(folder, null) { }

    /// <param name="list">Lists a folder's entries (a test can make one unreadable even when running as root).</param>
    internal FolderSource(string folder, Func<string, IEnumerable<FileSystemInfo>>? list)
    {
        Location = Path.GetFullPath(folder);
        _list = list ?? (dir => new DirectoryInfo(dir).EnumerateFileSystemInfos("*", new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = false }));
    }

    public string Location { get; }

    public async IAsyncEnumerable<SourceItem> ScanAsync(SourceScanContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Location))
        {
            throw new SourceUnavailableException(File.Exists(Location) ? $"not a folder: {Location}" : $"folder not found: {Location}");
        }
        var (files, unreadable) = Walk(cancellationToken);
        files.Sort(StringComparer.Ordinal);

        foreach (var (folder, why) in unreadable)
        {
            var prefix = folder + Path.DirectorySeparatorChar;
            var kept = context.Stored.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
            yield return new ArticleFailed(folder, $"folder can't be read: {why}; its {kept.Count} indexed article(s) are kept");
            foreach (var origin in kept) yield return new ArticleUnchanged(origin);
        }

        foreach (var path in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            SourceItem item;
            try
            {
                item = await ReadAsync(path, context, cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                item = new ArticleFailed(path, $"can't be read: {ex.Message}");
            }
            yield return item;
        }
    }

    private static async Task<SourceItem> ReadAsync(string path, SourceScanContext context, CancellationToken ct)
    {
        if (!FileKinds.IsRegularFile(path)) return new ArticleSkipped(path, "not a regular file (a pipe, device or socket): not read");
        var info = new FileInfo(path);
        if (info.Length > ArticleFileReader.MaxBytes) return new ArticleSkipped(path, $"larger than 5 MB ({info.Length / 1024.0 / 1024.0:0.0} MB)");
        // The reported length is not trusted: at most one byte past the cap is read.
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0, FileOptions.Asynchronous);
        var buffer = new byte[Math.Min(ArticleFileReader.MaxBytes + 1, Math.Max(info.Length + 1, 4096))];
        int length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (length > ArticleFileReader.MaxBytes) break;
                Array.Resize(ref buffer, (int)Math.Min(ArticleFileReader.MaxBytes + 1, buffer.Length * 2L));
            }
            int read = await stream.ReadAsync(buffer.AsMemory(length), ct);
            if (read == 0) break;
            length += read;
        }
        if (length > ArticleFileReader.MaxBytes) return new ArticleSkipped(path, "larger than 5 MB (more than its reported length)");
        return ArticleFileReader.Read(path, buffer[..length], context.StoredHash(path));
    }

    private (List<string> Files, List<(string Folder, string Why)> Unreadable) Walk(CancellationToken ct)
    {
        var files = new List<string>();
        var unreadable = new List<(string, string)>();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        pending.Push(Location);
        while (pending.Count > 0)
        {
            ct.ThrowIfCancellationRequested();
            var folder = pending.Pop();
            if (!visited.Add(FileKinds.RealPath(folder))) continue; // a link back to a folder already read
            List<FileSystemInfo> entries;
            try
            {
                entries = _list(folder).ToList();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                if (folder == Location) throw new SourceUnavailableException($"folder can't be read: {Location} ({ex.Message})", ex);
                unreadable.Add((folder, ex.Message));
                continue;
            }
            foreach (var entry in entries)
            {
                if (entry.Name.StartsWith('.') || (entry.Attributes & (FileAttributes.Hidden | FileAttributes.System)) != 0) continue;
                if ((entry.Attributes & FileAttributes.Directory) != 0)
                {
                    pending.Push(entry.FullName);
                    continue;
                }
                var name = Path.GetFileNameWithoutExtension(entry.Name);
                if (name.Equals("README", StringComparison.OrdinalIgnoreCase) || name.StartsWith("LICENSE", StringComparison.OrdinalIgnoreCase)) continue;
                files.Add(entry.FullName);
            }
        }
        return (files, unreadable);
    }
}
