using Microsoft.Data.Sqlite;
using TalksBot.Core.Indexing;

namespace TalksBot.Index.Sqlite;

/// <summary>
/// The SQLite index with damage reported the documented way: a damaged page found while searching, counting or
/// refreshing (not only when opening) becomes an <see cref="IndexUnavailableException"/> with one clear line, so
/// `ask` exits 4 and the HTTP endpoints answer 503 instead of a stack trace or an empty 500.
/// </summary>
public sealed class DamageReportingIndex(SqliteArticleIndex inner) : IArticleIndex
{
    public Task<IReadOnlyList<PassageHit>> SearchAsync(IReadOnlyList<string> terms, int limit, bool requireAll, CancellationToken cancellationToken) =>
        Guard(() => inner.SearchAsync(terms, limit, requireAll, cancellationToken));

    public Task<TermStatistics> GetTermStatisticsAsync(IReadOnlyList<string> terms, CancellationToken cancellationToken) =>
        Guard(() => inner.GetTermStatisticsAsync(terms, cancellationToken));

    public Task<IReadOnlyList<PassageHit>> SearchByVectorAsync(ReadOnlyMemory<float> vector, string model, int limit, CancellationToken cancellationToken) =>
        Guard(() => inner.SearchByVectorAsync(vector, model, limit, cancellationToken));

    public Task<IReadOnlyDictionary<string, long>> GetVocabularyAsync(CancellationToken cancellationToken) =>
        Guard(() => inner.GetVocabularyAsync(cancellationToken));

    public Task<IReadOnlyList<PassageHit>> GetAdjacentPassagesAsync(IReadOnlyList<long> passageIds, CancellationToken cancellationToken) =>
        Guard(() => inner.GetAdjacentPassagesAsync(passageIds, cancellationToken));

    public Task<IndexStatus> GetStatusAsync(CancellationToken cancellationToken) => Guard(() => inner.GetStatusAsync(cancellationToken));

    public async Task<IIndexRefreshSession> BeginRefreshAsync(CancellationToken cancellationToken) =>
        new Session(await Guard(() => inner.BeginRefreshAsync(cancellationToken)), this);

    public Task<IReadOnlyList<SourceRecord>> GetSourcesAsync(IReadOnlyList<string> configured, CancellationToken cancellationToken) =>
        Guard(() => inner.GetSourcesAsync(configured, cancellationToken));

    public Task<bool> AddSourceAsync(string location, string? kind, CancellationToken cancellationToken) => Guard(() => inner.AddSourceAsync(location, kind, cancellationToken));

    public Task<bool> RemoveSourceAsync(string location, CancellationToken cancellationToken) => Guard(() => inner.RemoveSourceAsync(location, cancellationToken));

    private async Task<T> Guard<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (SqliteException ex) when (SqliteDatabase.IsDamage(ex))
        {
            throw inner.Database.Unavailable(ex);
        }
    }

    private async Task Guard(Func<Task> call) => await Guard(async () => { await call(); return true; });

    private sealed class Session(IIndexRefreshSession session, DamageReportingIndex owner) : IIndexRefreshSession
    {
        public Task<IReadOnlyDictionary<string, StoredArticle>> GetStoredArticlesAsync(string sourceLocation, CancellationToken cancellationToken) =>
            owner.Guard(() => session.GetStoredArticlesAsync(sourceLocation, cancellationToken));

        public Task<string?> FindDuplicateAsync(string sourceLocation, string origin, string? url, string bodyHash, CancellationToken cancellationToken) =>
            owner.Guard(() => session.FindDuplicateAsync(sourceLocation, origin, url, bodyHash, cancellationToken));

        public Task StoreArticleAsync(string sourceLocation, IndexedArticle article, CancellationToken cancellationToken) =>
            owner.Guard(() => session.StoreArticleAsync(sourceLocation, article, cancellationToken));

        public Task RemoveArticleAsync(string sourceLocation, string origin, CancellationToken cancellationToken) =>
            owner.Guard(() => session.RemoveArticleAsync(sourceLocation, origin, cancellationToken));

        public Task<IReadOnlyDictionary<string, string>> GetSourceOriginsAsync(CancellationToken cancellationToken) =>
            owner.Guard(() => session.GetSourceOriginsAsync(cancellationToken));

        public Task<int> RemoveSourceArticlesAsync(string sourceLocation, CancellationToken cancellationToken) =>
            owner.Guard(() => session.RemoveSourceArticlesAsync(sourceLocation, cancellationToken));

        public Task RecordSourceResultAsync(SourceScanResult result, CancellationToken cancellationToken) =>
            owner.Guard(() => session.RecordSourceResultAsync(result, cancellationToken));

        public Task<IReadOnlyList<(long PassageId, string Text)>> GetPassagesWithoutEmbeddingAsync(string model, int limit, CancellationToken cancellationToken) =>
            owner.Guard(() => session.GetPassagesWithoutEmbeddingAsync(model, limit, cancellationToken));

        public Task<int> CountPassagesWithoutEmbeddingAsync(string model, CancellationToken cancellationToken) =>
            owner.Guard(() => session.CountPassagesWithoutEmbeddingAsync(model, cancellationToken));

        public Task StoreEmbeddingsAsync(string model, IReadOnlyList<(long PassageId, float[] Vector)> vectors, CancellationToken cancellationToken) =>
            owner.Guard(() => session.StoreEmbeddingsAsync(model, vectors, cancellationToken));

        public Task CommitAsync(DateTimeOffset refreshedAt, IReadOnlyList<SourceError> errors, CancellationToken cancellationToken) =>
            owner.Guard(() => session.CommitAsync(refreshedAt, errors, cancellationToken));

        public ValueTask DisposeAsync() => session.DisposeAsync();
    }
}
