using TalksBot.Core.Articles;

namespace TalksBot.Core.Indexing;

/// <summary>
/// One refresh as a single transaction: nothing it writes is visible until <see cref="CommitAsync"/>, and
/// disposing without committing (a failure, a kill) leaves the previous index serving, intact.
/// </summary>
public interface IIndexRefreshSession : IAsyncDisposable
{
    /// <summary>Articles currently stored for a source, keyed by origin.</summary>
    Task<IReadOnlyDictionary<string, StoredArticle>> GetStoredArticlesAsync(string sourceLocation, CancellationToken cancellationToken);

    /// <summary>Stores or replaces an article and its passages; reports a duplicate instead of storing it twice.</summary>
    Task<(UpsertOutcome Outcome, string? DuplicateOf)> UpsertAsync(
        string sourceLocation, string origin, string contentHash, ArticleDocument article, IReadOnlyList<PassageDraft> passages,
        CancellationToken cancellationToken);

    /// <summary>Removes an article that vanished from its source, with its passages.</summary>
    Task RemoveAsync(string sourceLocation, string origin, CancellationToken cancellationToken);

    /// <summary>Removes the articles of every source not in <paramref name="keep"/> (sources dropped from configuration).</summary>
    Task<int> RemoveOtherSourcesAsync(IReadOnlyCollection<string> keep, CancellationToken cancellationToken);

    /// <summary>Records how a source's scan went, for status and /sources.</summary>
    Task RecordSourceResultAsync(string sourceLocation, DateTimeOffset at, IReadOnlyList<SourceError> errors, bool succeeded, CancellationToken cancellationToken);

    /// <summary>Passages that have no vector for this embedding model yet (new or changed), in batches.</summary>
    Task<IReadOnlyList<(long PassageId, string Text)>> GetPassagesWithoutEmbeddingAsync(string model, int limit, CancellationToken cancellationToken);

    /// <summary>How many passages have no vector for this embedding model yet: the work the embedding step has ahead.</summary>
    Task<int> CountPassagesWithoutEmbeddingAsync(string model, CancellationToken cancellationToken);

    Task StoreEmbeddingsAsync(string model, IReadOnlyList<(long PassageId, float[] Vector)> vectors, CancellationToken cancellationToken);

    Task CommitAsync(DateTimeOffset refreshedAt, IReadOnlyList<SourceError> errors, CancellationToken cancellationToken);
}
