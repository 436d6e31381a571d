namespace TalksBot.Core.Indexing;

/// <summary>The index as storage: its status, and refreshes that write to it one transaction at a time.</summary>
public interface IIndexStore
{
    Task<IndexStatus> GetStatusAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Starts a refresh transaction. Throws <see cref="RefreshInProgressException"/> when another refresh (in this
    /// process or another on the same database) holds the refresh lock.
    /// </summary>
    Task<IIndexRefreshSession> BeginRefreshAsync(CancellationToken cancellationToken);
}
