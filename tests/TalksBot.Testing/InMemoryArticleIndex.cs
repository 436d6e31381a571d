using TalksBot.Core.Articles;
using TalksBot.Core.Indexing;

namespace TalksBot.Testing;

/// <summary>
/// The index contract held in memory, for Core tests and as the contract suite's reference: bm25 over the terms the
/// refresher hands it, cosine similarity over vectors, sources with their last scan. A refresh works on a copy and
/// swaps it in at commit, so readers see the last committed state and an abandoned refresh leaves no trace.
/// </summary>
public sealed class InMemoryArticleIndex : IArticleIndex
{
    private const double K1 = 1.2;
    private const double B = 0.75;
    private readonly SemaphoreSlim _refreshLock = new(1, 1);
    private readonly TimeProvider _time;
    private State _state = new();

    public InMemoryArticleIndex(TimeProvider? time = null) => _time = time ?? TimeProvider.System;

    public Task<IReadOnlyList<PassageHit>> SearchAsync(IReadOnlyList<string> terms, int limit, bool requireAll, CancellationToken cancellationToken)
    {
        var state = _state;
        if (terms.Count == 0 || state.Passages.Count == 0) return Task.FromResult<IReadOnlyList<PassageHit>>([]);
        var wanted = terms.Distinct(StringComparer.Ordinal).ToList();
        var vocabulary = state.Vocabulary();
        double averageLength = state.Passages.Values.Average(p => p.Terms.Count);
        var hits = new List<PassageHit>();
        foreach (var passage in state.Passages.Values)
        {
            var counts = passage.Terms.GroupBy(t => t, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            int held = wanted.Count(counts.ContainsKey);
            if (held == 0 || (requireAll && held < wanted.Count)) continue;
            double score = 0;
            foreach (var term in wanted)
            {
                if (!counts.TryGetValue(term, out var tf)) continue;
                long df = vocabulary.GetValueOrDefault(term);
                double idf = Math.Log(1 + (state.Passages.Count - df + 0.5) / (df + 0.5));
                score += idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * passage.Terms.Count / averageLength));
            }
            hits.Add(state.Hit(passage, score));
        }
        return Task.FromResult<IReadOnlyList<PassageHit>>(hits.OrderByDescending(h => h.Score).ThenBy(h => h.PassageId).Take(limit).ToList());
    }

    public Task<TermStatistics> GetTermStatisticsAsync(IReadOnlyList<string> terms, CancellationToken cancellationToken)
    {
        var state = _state;
        var vocabulary = state.Vocabulary();
        var df = terms.Where(vocabulary.ContainsKey).Distinct(StringComparer.Ordinal).ToDictionary(t => t, t => vocabulary[t], StringComparer.Ordinal);
        return Task.FromResult(new TermStatistics(state.Passages.Count, df));
    }

    public Task<IReadOnlyList<PassageHit>> SearchByVectorAsync(ReadOnlyMemory<float> vector, string model, int limit, CancellationToken cancellationToken)
    {
        var state = _state;
        float norm = Norm(vector.Span);
        if (norm == 0) return Task.FromResult<IReadOnlyList<PassageHit>>([]);
        var hits = new List<PassageHit>();
        foreach (var ((passageId, vectorModel), stored) in state.Vectors)
        {
            if (vectorModel != model || stored.Length != vector.Length || !state.Passages.TryGetValue(passageId, out var passage)) continue;
            float storedNorm = Norm(stored);
            if (storedNorm == 0) continue;
            hits.Add(state.Hit(passage, Dot(vector.Span, stored) / (norm * storedNorm)));
        }
        return Task.FromResult<IReadOnlyList<PassageHit>>(hits.OrderByDescending(h => h.Score).ThenBy(h => h.PassageId).Take(limit).ToList());
    }

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        float sum = 0;
        for (int i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    private static float Norm(ReadOnlySpan<float> a) => MathF.Sqrt(Dot(a, a));

    public Task<IReadOnlyDictionary<string, long>> GetVocabularyAsync(CancellationToken cancellationToken) => Task.FromResult(_state.Vocabulary());

    public Task<IReadOnlyList<PassageHit>> GetAdjacentPassagesAsync(IReadOnlyList<long> passageIds, CancellationToken cancellationToken)
    {
        var state = _state;
        var result = new Dictionary<long, PassageHit>();
        foreach (var id in passageIds.Distinct())
        {
            if (!state.Passages.TryGetValue(id, out var passage)) continue;
            foreach (var neighbor in state.Passages.Values.Where(n => n.ArticleId == passage.ArticleId && Math.Abs(n.Position - passage.Position) == 1))
            {
                result[neighbor.Id] = state.Hit(neighbor, 0);
            }
        }
        return Task.FromResult<IReadOnlyList<PassageHit>>(result.Values.ToList());
    }

    public Task<IndexStatus> GetStatusAsync(CancellationToken cancellationToken)
    {
        var state = _state;
        return Task.FromResult(new IndexStatus(state.Articles.Count, state.Passages.Count, state.ReadSources([]), state.LastRefresh, "memory", 0)
        {
            LastRefreshErrors = state.LastRefreshErrors,
            EmbeddingModel = state.EmbeddingModel,
            EmbeddedPassages = state.EmbeddingModel is { } model ? state.Vectors.Keys.Count(k => k.Model == model) : 0,
        });
    }

    public Task<IReadOnlyList<SourceRecord>> GetSourcesAsync(IReadOnlyList<string> configured, CancellationToken cancellationToken) =>
        Task.FromResult(_state.ReadSources(configured));

    public async Task<bool> AddSourceAsync(string location, string? kind, CancellationToken cancellationToken)
    {
        return await ChangeAsync(state =>
        {
            if (state.Sources.TryGetValue(location, out var row) && row.Origin == SourceOrigins.Added) return false;
            state.Sources[location] = (row ?? new SourceRow(location)) with { Origin = SourceOrigins.Added, Kind = kind, AddedAt = _time.GetUtcNow() };
            return true;
        }, cancellationToken);
    }

    public async Task<bool> RemoveSourceAsync(string location, CancellationToken cancellationToken)
    {
        return await ChangeAsync(state =>
        {
            if (!state.Sources.TryGetValue(location, out var row) || row.Origin is not (SourceOrigins.Added or SourceOrigins.Given)) return false;
            state.RemoveArticles(a => a.Source == location);
            state.Sources.Remove(location);
            return true;
        }, cancellationToken);
    }

    /// <summary>A change outside a refresh, made atomically on a copy (a refresh running meanwhile commits over it, as SQLite's would wait).</summary>
    private async Task<T> ChangeAsync<T>(Func<State, T> change, CancellationToken cancellationToken)
    {
        await _refreshLock.WaitAsync(cancellationToken);
        try
        {
            var copy = _state.Copy();
            var result = change(copy);
            _state = copy;
            return result;
        }
        finally
        {
            _refreshLock.Release();
        }
    }

    public Task<IIndexRefreshSession> BeginRefreshAsync(CancellationToken cancellationToken)
    {
        if (!_refreshLock.Wait(0, cancellationToken))
        {
            throw new RefreshInProgressException("A refresh is already running; try again when it has finished.");
        }
        return Task.FromResult<IIndexRefreshSession>(new Session(this, _state.Copy()));
    }

    private sealed class Session(InMemoryArticleIndex owner, State state) : IIndexRefreshSession
    {
        private bool _done;

        public Task<IReadOnlyDictionary<string, StoredArticle>> GetStoredArticlesAsync(string sourceLocation, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyDictionary<string, StoredArticle>>(state.Articles.Values
                .Where(a => a.Source == sourceLocation)
                .ToDictionary(a => a.Origin, a => new StoredArticle(a.Origin, a.ContentHash, a.Url), StringComparer.Ordinal));

        public Task<string?> FindDuplicateAsync(string sourceLocation, string origin, string? url, string bodyHash, CancellationToken cancellationToken) =>
            Task.FromResult(state.Articles.Values
                .Where(a => !(a.Source == sourceLocation && a.Origin == origin) && ((url is not null && a.Url == url) || a.BodyHash == bodyHash))
                .OrderBy(a => a.Id)
                .Select(a => a.Origin)
                .FirstOrDefault());

        public Task StoreArticleAsync(string sourceLocation, IndexedArticle article, CancellationToken cancellationToken)
        {
            var existing = state.Find(sourceLocation, article.Origin);
            long id = existing?.Id ?? state.NextArticleId++;
            if (existing is not null) state.RemovePassagesOf(existing.Id);
            state.Articles[id] = new ArticleRow(id, sourceLocation, article.Origin, article.ContentHash, article.BodyHash, article.Url, article.Article);
            foreach (var passage in article.Passages)
            {
                long passageId = state.NextPassageId++;
                state.Passages[passageId] = new PassageRow(passageId, id, passage.Position, passage.Text, passage.Terms.ToList());
            }
            state.Changed();
            return Task.CompletedTask;
        }

        public Task RemoveArticleAsync(string sourceLocation, string origin, CancellationToken cancellationToken)
        {
            state.RemoveArticles(a => a.Source == sourceLocation && a.Origin == origin);
            return Task.CompletedTask;
        }

        public Task<IReadOnlyDictionary<string, string>> GetSourceOriginsAsync(CancellationToken cancellationToken)
        {
            var origins = state.Sources.Values.ToDictionary(s => s.Location, s => s.Origin, StringComparer.Ordinal);
            foreach (var article in state.Articles.Values) origins.TryAdd(article.Source, SourceOrigins.Config);
            return Task.FromResult<IReadOnlyDictionary<string, string>>(origins);
        }

        public Task<int> RemoveSourceArticlesAsync(string sourceLocation, CancellationToken cancellationToken)
        {
            int removed = state.RemoveArticles(a => a.Source == sourceLocation);
            if (state.Sources.TryGetValue(sourceLocation, out var row) && row.Origin != SourceOrigins.Added) state.Sources.Remove(sourceLocation);
            return Task.FromResult(removed);
        }

        public Task RecordSourceResultAsync(SourceScanResult result, CancellationToken cancellationToken)
        {
            var row = state.Sources.TryGetValue(result.Location, out var known)
                ? known with { Origin = known.Origin == SourceOrigins.Given && result.Origin == SourceOrigins.Config ? SourceOrigins.Config : known.Origin }
                : new SourceRow(result.Location) { Origin = result.Origin, AddedAt = result.At };
            var error = result.Errors.Count > 0 ? result.Errors[^1] : null;
            state.Sources[result.Location] = row with
            {
                LastSuccess = result.Succeeded ? result.At : row.LastSuccess,
                LastError = error ?? (result.Succeeded ? null : row.LastError),
            };
            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<(long PassageId, string Text)>> GetPassagesWithoutEmbeddingAsync(string model, int limit, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<(long, string)>>(state.Passages.Values
                .Where(p => !state.Vectors.ContainsKey((p.Id, model)))
                .OrderBy(p => p.Id).Take(limit).Select(p => (p.Id, p.Text)).ToList());

        public Task<int> CountPassagesWithoutEmbeddingAsync(string model, CancellationToken cancellationToken) =>
            Task.FromResult(state.Passages.Values.Count(p => !state.Vectors.ContainsKey((p.Id, model))));

        public Task StoreEmbeddingsAsync(string model, IReadOnlyList<(long PassageId, float[] Vector)> vectors, CancellationToken cancellationToken)
        {
            foreach (var (id, vector) in vectors)
            {
                if (state.Passages.ContainsKey(id)) state.Vectors[(id, model)] = vector.ToArray();
            }
            foreach (var key in state.Vectors.Keys.Where(k => k.Model != model).ToList()) state.Vectors.Remove(key);
            state.EmbeddingModel = model;
            return Task.CompletedTask;
        }

        public Task CommitAsync(DateTimeOffset refreshedAt, IReadOnlyList<SourceError> errors, CancellationToken cancellationToken)
        {
            if (_done) throw new InvalidOperationException("This refresh has already ended.");
            state.LastRefresh = refreshedAt;
            state.LastRefreshErrors = errors.ToList();
            owner._state = state;
            End();
            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync()
        {
            End();
            return ValueTask.CompletedTask;
        }

        private void End()
        {
            if (_done) return;
            _done = true;
            owner._refreshLock.Release();
        }
    }

    private sealed record ArticleRow(long Id, string Source, string Origin, string ContentHash, string BodyHash, string? Url, ArticleDocument Document);

    private sealed record PassageRow(long Id, long ArticleId, int Position, string Text, IReadOnlyList<string> Terms);

    private sealed record SourceRow(string Location)
    {
        public string Origin { get; init; } = SourceOrigins.Config;
        public string? Kind { get; init; }
        public DateTimeOffset AddedAt { get; init; }
        public DateTimeOffset? LastSuccess { get; init; }
        public SourceError? LastError { get; init; }
    }

    /// <summary>Everything the index holds; rows are immutable, so a copy only copies the tables.</summary>
    private sealed class State
    {
        private IReadOnlyDictionary<string, long>? _vocabulary;

        public Dictionary<long, ArticleRow> Articles { get; private init; } = [];
        public Dictionary<long, PassageRow> Passages { get; private init; } = [];
        public Dictionary<(long PassageId, string Model), float[]> Vectors { get; private init; } = [];
        public Dictionary<string, SourceRow> Sources { get; private init; } = new(StringComparer.Ordinal);
        public long NextArticleId { get; set; } = 1;
        public long NextPassageId { get; set; } = 1;
        public DateTimeOffset? LastRefresh { get; set; }
        public IReadOnlyList<SourceError> LastRefreshErrors { get; set; } = [];
        public string? EmbeddingModel { get; set; }

        public State Copy() => new()
        {
            Articles = new(Articles),
            Passages = new(Passages),
            Vectors = new(Vectors),
            Sources = new(Sources, StringComparer.Ordinal),
            NextArticleId = NextArticleId,
            NextPassageId = NextPassageId,
            LastRefresh = LastRefresh,
            LastRefreshErrors = LastRefreshErrors,
            EmbeddingModel = EmbeddingModel,
        };

        /// <summary>Kept until the passages change, so callers may cache by reference as the contract allows.</summary>
        public IReadOnlyDictionary<string, long> Vocabulary() => _vocabulary ??= Passages.Values
            .SelectMany(p => p.Terms.Distinct(StringComparer.Ordinal))
            .GroupBy(t => t, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal);

        public void Changed() => _vocabulary = null;

        public ArticleRow? Find(string source, string origin) => Articles.Values.FirstOrDefault(a => a.Source == source && a.Origin == origin);

        public int RemoveArticles(Func<ArticleRow, bool> which)
        {
            var gone = Articles.Values.Where(which).ToList();
            foreach (var article in gone)
            {
                RemovePassagesOf(article.Id);
                Articles.Remove(article.Id);
            }
            Changed();
            return gone.Count;
        }

        public void RemovePassagesOf(long articleId)
        {
            foreach (var passage in Passages.Values.Where(p => p.ArticleId == articleId).ToList())
            {
                Passages.Remove(passage.Id);
                foreach (var key in Vectors.Keys.Where(k => k.PassageId == passage.Id).ToList()) Vectors.Remove(key);
            }
            Changed();
        }

        public PassageHit Hit(PassageRow passage, double score)
        {
            var article = Articles[passage.ArticleId];
            var info = new ArticleInfo(article.Id, article.Document.Title, article.Document.Outlet, article.Document.Published, article.Url, article.Origin);
            return new PassageHit(passage.Id, passage.Position, passage.Text, info, score);
        }

        /// <summary>As the contract says: the configured ones first, then those added or given; with none configured, every source seen.</summary>
        public IReadOnlyList<SourceRecord> ReadSources(IReadOnlyList<string> configured)
        {
            SourceRecord Record(string location, string origin, SourceRow? row)
            {
                var articles = Articles.Values.Where(a => a.Source == location).ToList();
                var outlets = articles.Where(a => a.Document.Outlet != "")
                    .GroupBy(a => a.Document.Outlet)
                    .Select(g => (g.Key, g.Count(), g.Max(a => a.Document.Published)))
                    .OrderByDescending(o => o.Item2).ThenBy(o => o.Key, StringComparer.Ordinal)
                    .ToList();
                return new SourceRecord(location, origin, articles.Count, articles.Max(a => a.Document.Published), row?.LastSuccess, row?.LastError)
                {
                    Kind = row?.Kind,
                    Outlets = outlets,
                };
            }

            var known = Sources.Values.OrderBy(s => s.AddedAt).ThenBy(s => s.Location, StringComparer.Ordinal).ToList();
            return SourceListing.Arrange(known.Select(s => Record(s.Location, s.Origin, s)).ToList(), configured, l => Record(l, SourceOrigins.Config, null));
        }
    }
}
