namespace TalksBot.Core.Sources;

/// <summary>
/// Stands in for a configured location that can't be a source (bad URL, unsupported scheme), so a refresh reports
/// it with the reason instead of failing as a whole.
/// </summary>
public sealed class UnusableSource(string location, string reason) : IArticleSource
{
    public string Location { get; } = location;

    public string Reason { get; } = reason;

    public IAsyncEnumerable<SourceItem> ScanAsync(SourceScanContext context, CancellationToken cancellationToken) =>
        throw new SourceUnavailableException(Reason);
}
