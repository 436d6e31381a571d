namespace TalksBot.Core.Sources;

/// <summary>
/// A place articles come from (a folder, a feed, a page). A scan yields one item per document it finds; a failure of
/// one document is an item, not an exception, so the rest of the scan goes on.
/// </summary>
public interface IArticleSource
{
    /// <summary>The source's location as configured (folder path or URL); the key its articles are stored under.</summary>
    string Location { get; }

    /// <summary>
    /// Reads the source. Throws <see cref="SourceUnavailableException"/> when the source as a whole can't be read
    /// (missing folder, unreachable feed): its stored articles are then kept, not removed.
    /// </summary>
    IAsyncEnumerable<SourceItem> ScanAsync(SourceScanContext context, CancellationToken cancellationToken);
}
