using TalksBot.Core.Indexing;
using TalksBot.Core.Refresh;

namespace TalksBot.Core.Moderation;

/// <summary>
/// What moderators do to the index, the same from the command line, the schedule, Telegram and Discord:
/// refresh every source (one refresh at a time across all of them) and read the status.
/// Callers check that the user is a moderator first.
/// </summary>
public sealed class IndexMaintenance(IIndexStore index, IndexRefresher refresher, SourceCatalog catalog)
{
    public bool IsRefreshing => refresher.IsRunning;

    /// <summary>Throws <see cref="RefreshInProgressException"/> when a refresh is already running.</summary>
    public async Task<RefreshReport> RefreshAsync(IProgress<RefreshProgress>? progress, CancellationToken cancellationToken)
    {
        var sources = await catalog.GetSourcesAsync(cancellationToken);
        return await refresher.RefreshAsync(sources, progress, cancellationToken, allSources: true);
    }

    public Task<IndexStatus> StatusAsync(CancellationToken cancellationToken) => index.GetStatusAsync(cancellationToken);
}
