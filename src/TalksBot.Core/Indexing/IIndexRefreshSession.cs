namespace TalksBot.Core.Indexing;

/// <summary>
/// One refresh as a single transaction: nothing it writes is visible until <see cref="CommitAsync"/>, and
/// disposing without committing (a failure, a kill) leaves the previous index serving, intact. Reads through the
/// session see its own writes. The session only stores: what is unchanged, a duplicate or gone is decided by
/// Core's refresher.
/// </summary>
public interface IIndexRefreshSession : IAsyncDisposable
{
    /// <summary>Articles currently stored for a source, keyed by origin.</summary>
    Task<IReadOnlyDictionary<string, StoredArticle>> GetStoredArticlesAsync(string sourceLocation, CancellationToken cancellationToken);

    /// <summary>
    /// The origin of a stored article, other than the one at (<paramref name="sourceLocation"/>, <paramref name="origin"/>),
    /// with this URL (when not null) or this normalized-body hash; null when there is none.
    /// </summary>
    Task<string?> FindDuplicateAsync(string sourceLocation, string origin, string? url, string bodyHash, CancellationToken cancellationToken);

    /// <summary>
    /// Stores an article with its passages under (<paramref name="sourceLocation"/>, its origin), replacing what was
    /// stored there (passages, terms and vectors of the old version go).
    /// </summary>
    Task StoreArticleAsync(string sourceLocation, IndexedArticle article, CancellationToken cancellationToken);

    /// <summary>Removes one article with its passages, terms and vectors; nothing when it is not stored.</summary>
    Task RemoveArticleAsync(string sourceLocation, string origin, CancellationToken cancellationToken);

    /// <summary>Every source that has articles or a record, with its origin (<see cref="SourceOrigins"/>; "config" when it has no record).</summary>
    Task<IReadOnlyDictionary<string, string>> GetSourceOriginsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Removes a source's articles and, unless a moderator added it, its record; returns how many articles went.
    /// </summary>
    Task<int> RemoveSourceArticlesAsync(string sourceLocation, CancellationToken cancellationToken);

    /// <summary>
    /// Records how a source's scan went, for status and /sources. A source without a record gets one with
    /// <see cref="SourceScanResult.Origin"/>; a "given" source read as "config" becomes "config"; "added" stays.
    /// </summary>
    Task RecordSourceResultAsync(SourceScanResult result, CancellationToken cancellationToken);

    /// <summary>Passages that have no vector for this embedding model yet (new or changed), in batches.</summary>
    Task<IReadOnlyList<(long PassageId, string Text)>> GetPassagesWithoutEmbeddingAsync(string model, int limit, CancellationToken cancellationToken);

    /// <summary>How many passages have no vector for this embedding model yet: the work the embedding step has ahead.</summary>
    Task<int> CountPassagesWithoutEmbeddingAsync(string model, CancellationToken cancellationToken);

    /// <summary>Stores vectors of one model; vectors of any other model are dropped (useless to this model's queries).</summary>
    Task StoreEmbeddingsAsync(string model, IReadOnlyList<(long PassageId, float[] Vector)> vectors, CancellationToken cancellationToken);

    /// <summary>Makes everything written visible at once, with the refresh's time and errors for status.</summary>
    Task CommitAsync(DateTimeOffset refreshedAt, IReadOnlyList<SourceError> errors, CancellationToken cancellationToken);
}
