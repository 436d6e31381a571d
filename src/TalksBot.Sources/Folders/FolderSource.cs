using System.Runtime.CompilerServices;
using TalksBot.Core.Sources;
using TalksBot.Sources.Parsing;

namespace TalksBot.Sources.Folders;

/// <summary>
/// A folder read recursively: .txt dumps, Markdown with front matter, saved HTML pages. Hidden files and folders are
/// ignored, as are README and LICENSE files (they describe a corpus, they are not articles); every other file yields an
/// item, in a stable order.
/// </summary>
public sealed class FolderSource(string folder) : IArticleSource
{
    public string Location { get; } = Path.GetFullPath(folder);

    public async IAsyncEnumerable<SourceItem> ScanAsync(SourceScanContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Location))
        {
            throw new SourceUnavailableException(File.Exists(Location) ? $"not a folder: {Location}" : $"folder not found: {Location}");
        }
        List<string> files;
        try
        {
            files = Enumerate(Location).ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SourceUnavailableException($"folder can't be read: {Location} ({ex.Message})", ex);
        }
        files.Sort(StringComparer.Ordinal);

        foreach (var path in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            SourceItem item;
            try
            {
                var info = new FileInfo(path);
                item = info.Length > ArticleFileReader.MaxBytes
                    ? new ArticleSkipped(path, $"larger than 5 MB ({info.Length / 1024.0 / 1024.0:0.0} MB)")
                    : ArticleFileReader.Read(path, await File.ReadAllBytesAsync(path, cancellationToken), context.StoredHash(path));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                item = new ArticleFailed(path, $"can't be read: {ex.Message}");
            }
            yield return item;
        }
    }

    private static IEnumerable<string> Enumerate(string root)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System, IgnoreInaccessible = true };
        foreach (var path in Directory.EnumerateFiles(root, "*", options))
        {
            var relative = Path.GetRelativePath(root, path);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.'))) continue;
            var name = Path.GetFileNameWithoutExtension(path);
            if (name.Equals("README", StringComparison.OrdinalIgnoreCase) || name.StartsWith("LICENSE", StringComparison.OrdinalIgnoreCase)) continue;
            yield return path;
        }
    }
}
