namespace TalksBot.Core.Indexing;

/// <summary>
/// The article index: passages searchable by terms (bm25) and, when embeddings are configured, by vector.
/// Narrow on purpose, so another store (PostgreSQL) is a new adapter, not a rewrite.
/// </summary>
public interface IArticleIndex
{
    /// <summary>Best passages for a set of analyzed terms, best first (bm25): passages holding any of them, or all of them.</summary>
    Task<IReadOnlyList<PassageHit>> SearchAsync(IReadOnlyList<string> terms, int limit, bool requireAll, CancellationToken cancellationToken);

    /// <summary>In how many passages each term occurs, and how many passages there are: the basis of term weights.</summary>
    Task<TermStatistics> GetTermStatisticsAsync(IReadOnlyList<string> terms, CancellationToken cancellationToken);

    /// <summary>Nearest passages by cosine similarity for a model's vectors; empty when none are stored.</summary>
    Task<IReadOnlyList<PassageHit>> SearchByVectorAsync(ReadOnlyMemory<float> vector, string model, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Every indexed term with the number of passages holding it: the vocabulary a misspelt question word is corrected
    /// against. Implementations keep it between calls until the index changes; callers may cache by reference.
    /// </summary>
    Task<IReadOnlyDictionary<string, long>> GetVocabularyAsync(CancellationToken cancellationToken);

    /// <summary>The passages just before and after each given passage in its article (position ± 1), for passage windows.</summary>
    Task<IReadOnlyList<PassageHit>> GetAdjacentPassagesAsync(IReadOnlyList<long> passageIds, CancellationToken cancellationToken);

    Task<IndexStatus> GetStatusAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Starts a refresh transaction. Throws <see cref="RefreshInProgressException"/> when another refresh (in this
    /// process or another on the same database) holds the refresh lock.
    /// </summary>
    Task<IIndexRefreshSession> BeginRefreshAsync(CancellationToken cancellationToken);

    /// <summary>Sources added by moderators (stored in the index), beside those from configuration.</summary>
    Task<IReadOnlyList<SourceRecord>> GetSourcesAsync(IReadOnlyList<string> configured, CancellationToken cancellationToken);

    /// <summary>Adds a moderator source; false when it is already known.</summary>
    Task<bool> AddSourceAsync(string location, string? kind, CancellationToken cancellationToken);

    /// <summary>Removes a moderator-added source and its articles; false when no such added source exists.</summary>
    Task<bool> RemoveSourceAsync(string location, CancellationToken cancellationToken);
}
