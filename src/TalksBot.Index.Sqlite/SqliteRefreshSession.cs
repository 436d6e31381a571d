using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using TalksBot.Core.Indexing;

namespace TalksBot.Index.Sqlite;

/// <summary>
/// One refresh: a single SQLite transaction held with the refresh lock. Nothing is visible to readers until
/// <see cref="CommitAsync"/>; disposing without it rolls everything back (and a killed process leaves only an
/// uncommitted WAL tail, which SQLite discards). The writes are done by one writer per role inside the transaction
/// (<see cref="SqliteArticleWriter"/>, <see cref="SqliteSourceResultWriter"/>, <see cref="SqliteEmbeddingWriter"/>);
/// the session owns the transaction, the lock and the commit.
/// </summary>
internal sealed class SqliteRefreshSession : IIndexRefreshSession
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly RefreshLock _lock;
    private readonly SqliteArticleWriter _articles;
    private readonly SqliteSourceResultWriter _sources;
    private readonly SqliteEmbeddingWriter _embeddings;
    private readonly long _passagesBefore;
    private bool _committed;

    private SqliteRefreshSession(SqliteConnection connection, SqliteTransaction transaction, RefreshLock refreshLock, long passagesBefore)
    {
        _passagesBefore = passagesBefore;
        _connection = connection;
        _transaction = transaction;
        _lock = refreshLock;
        _articles = new SqliteArticleWriter(transaction, DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        _sources = new SqliteSourceResultWriter(transaction);
        _embeddings = new SqliteEmbeddingWriter(transaction);
    }

    public static async Task<SqliteRefreshSession> StartAsync(SqliteConnection connection, RefreshLock refreshLock, CancellationToken cancellationToken)
    {
        try
        {
            // Immediate: take the write lock now. A deferred transaction could find its read snapshot stale at the
            // first write (another writer in between) and fail mid-refresh; readers are never blocked in WAL mode.
            var transaction = connection.BeginTransaction(deferred: false);
            return new SqliteRefreshSession(connection, transaction, refreshLock, await SqliteFullTextRebuild.CountPassagesAsync(transaction, cancellationToken));
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public Task<IReadOnlyDictionary<string, StoredArticle>> GetStoredArticlesAsync(string sourceLocation, CancellationToken cancellationToken) =>
        _articles.GetStoredArticlesAsync(sourceLocation, cancellationToken);

    public Task<string?> FindDuplicateAsync(string sourceLocation, string origin, string? url, string bodyHash, CancellationToken cancellationToken) =>
        _articles.FindDuplicateAsync(sourceLocation, origin, url, bodyHash, cancellationToken);

    public Task StoreArticleAsync(string sourceLocation, IndexedArticle article, CancellationToken cancellationToken) =>
        _articles.StoreArticleAsync(sourceLocation, article, cancellationToken);

    public Task RemoveArticleAsync(string sourceLocation, string origin, CancellationToken cancellationToken) =>
        _articles.RemoveArticleAsync(sourceLocation, origin, cancellationToken);

    public Task<IReadOnlyDictionary<string, string>> GetSourceOriginsAsync(CancellationToken cancellationToken) =>
        _sources.GetSourceOriginsAsync(cancellationToken);

    public async Task<int> RemoveSourceArticlesAsync(string sourceLocation, CancellationToken cancellationToken)
    {
        int removed = await _articles.RemoveSourceArticlesAsync(sourceLocation, cancellationToken);
        await _sources.ForgetUnlessAddedAsync(sourceLocation, cancellationToken);
        return removed;
    }

    public Task RecordSourceResultAsync(SourceScanResult result, CancellationToken cancellationToken) =>
        _sources.RecordSourceResultAsync(result, cancellationToken);

    public Task<IReadOnlyList<(long PassageId, string Text)>> GetPassagesWithoutEmbeddingAsync(string model, int limit, CancellationToken cancellationToken) =>
        _embeddings.GetPassagesWithoutEmbeddingAsync(model, limit, cancellationToken);

    public Task<int> CountPassagesWithoutEmbeddingAsync(string model, CancellationToken cancellationToken) =>
        _embeddings.CountPassagesWithoutEmbeddingAsync(model, cancellationToken);

    public Task StoreEmbeddingsAsync(string model, IReadOnlyList<(long PassageId, float[] Vector)> vectors, CancellationToken cancellationToken) =>
        _embeddings.StoreEmbeddingsAsync(model, vectors, cancellationToken);

    public async Task CommitAsync(DateTimeOffset refreshedAt, IReadOnlyList<SourceError> errors, CancellationToken cancellationToken)
    {
        await _articles.FlushTermsAsync(cancellationToken);
        if (_articles.PassagesChanged)
        {
            await SqliteFullTextRebuild.AfterChangingAsync(_transaction, _passagesBefore, _articles.PassagesInserted, cancellationToken);
            await SqliteArticleWriter.WriteVocabularyAsync(_transaction, cancellationToken);
        }
        using (var cmd = SqliteDatabase.Command(_transaction, """
            INSERT INTO meta(key, value) VALUES('last_refresh', $at) ON CONFLICT(key) DO UPDATE SET value = excluded.value;
            INSERT INTO meta(key, value) VALUES('last_refresh_errors', $errors) ON CONFLICT(key) DO UPDATE SET value = excluded.value;
            INSERT INTO meta(key, value) VALUES('generation', '1') ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1;
            """))
        {
            cmd.Parameters.AddWithValue("$at", refreshedAt.ToString("O", CultureInfo.InvariantCulture));
            cmd.Parameters.AddWithValue("$errors", JsonSerializer.Serialize(errors));
            await cmd.ExecuteNonQueryAsync(cancellationToken);
        }
        await _transaction.CommitAsync(cancellationToken);
        _committed = true;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_committed) await _transaction.RollbackAsync();
        }
        catch (SqliteException)
        {
            // The connection is going away; SQLite rolls back an open transaction on close anyway.
        }
        _articles.Dispose();
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
        _lock.Dispose();
    }
}
