using TalksBot.Core.Indexing;

namespace TalksBot.Index.Sqlite;

/// <summary>
/// The article index in one SQLite file: articles, passages, an FTS5 table of analyzed passage terms ranked by bm25,
/// optional passage vectors, and the sources with how their last refresh went. Each role is its own class over the
/// shared file (<see cref="SqlitePassageSearch"/>, <see cref="SqliteSourceRegistry"/>, <see cref="SqliteIndexStore"/>);
/// this type hands every call to the one that plays it.
/// </summary>
public sealed class SqliteArticleIndex : IArticleIndex
{
    private readonly SqlitePassageSearch _search;
    private readonly SqliteSourceRegistry _sources;
    private readonly SqliteIndexStore _store;

    /// <param name="holdPostings">
    /// Score bm25 in process over term postings read on first use and kept until the index changes (a process that
    /// answers many questions: the bot), rather than by FTS5 at every search (a one-shot command).
    /// </param>
    public SqliteArticleIndex(string databasePath, bool holdPostings = false)
    {
        Database = new SqliteDatabase(databasePath);
        Postings = holdPostings ? new SqliteTermPostings() : null;
        _search = new SqlitePassageSearch(Database, Postings);
        _sources = new SqliteSourceRegistry(Database);
        _store = new SqliteIndexStore(Database);
    }

    public string DatabasePath => Database.DatabasePath;

    internal SqliteDatabase Database { get; }

    internal SqliteTermPostings? Postings { get; }

    public Task<IReadOnlyList<PassageHit>> SearchAsync(IReadOnlyList<string> terms, int limit, bool requireAll, CancellationToken cancellationToken) =>
        _search.SearchAsync(terms, limit, requireAll, cancellationToken);

    public Task<TermStatistics> GetTermStatisticsAsync(IReadOnlyList<string> terms, CancellationToken cancellationToken) =>
        _search.GetTermStatisticsAsync(terms, cancellationToken);

    public Task<IReadOnlyList<PassageHit>> SearchByVectorAsync(ReadOnlyMemory<float> vector, string model, int limit, CancellationToken cancellationToken) =>
        _search.SearchByVectorAsync(vector, model, limit, cancellationToken);

    public Task<IReadOnlyDictionary<string, long>> GetVocabularyAsync(CancellationToken cancellationToken) =>
        _search.GetVocabularyAsync(cancellationToken);

    public Task<IReadOnlyList<PassageHit>> GetAdjacentPassagesAsync(IReadOnlyList<long> passageIds, CancellationToken cancellationToken) =>
        _search.GetAdjacentPassagesAsync(passageIds, cancellationToken);

    public Task<IReadOnlyList<SourceRecord>> GetSourcesAsync(IReadOnlyList<string> configured, CancellationToken cancellationToken) =>
        _sources.GetSourcesAsync(configured, cancellationToken);

    public Task<bool> AddSourceAsync(string location, string? kind, CancellationToken cancellationToken) =>
        _sources.AddSourceAsync(location, kind, cancellationToken);

    public Task<bool> RemoveSourceAsync(string location, CancellationToken cancellationToken) =>
        _sources.RemoveSourceAsync(location, cancellationToken);

    public Task<IndexStatus> GetStatusAsync(CancellationToken cancellationToken) => _store.GetStatusAsync(cancellationToken);

    public Task<IIndexRefreshSession> BeginRefreshAsync(CancellationToken cancellationToken) => _store.BeginRefreshAsync(cancellationToken);
}
