using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TalksBot.Core.Articles;
using TalksBot.Core.Diagnostics;
using TalksBot.Core.Indexing;
using TalksBot.Core.Retrieval;
using TalksBot.Core.Sources;

namespace TalksBot.Core.Refresh;

/// <summary>
/// Runs a refresh as named steps in one index transaction, one refresh at a time: for each source, scan → decide
/// unchanged or changed (once, here) → clean and split → dedupe → store → remove what vanished; then remove sources
/// dropped from configuration → embed → commit. The index only stores and searches; this is the indexing policy.
/// </summary>
public sealed class IndexRefresher(
    IIndexStore index,
    PassageSplitter splitter,
    TimeProvider time,
    PassageEmbedder? embedder = null,
    ILogger<IndexRefresher>? logger = null,
    BoilerplateFilter? boilerplate = null,
    TextAnalyzer? analyzer = null)
{
    private readonly TextAnalyzer _analyzer = analyzer ?? TextAnalyzer.Default;
    private readonly BoilerplateFilter _boilerplate = boilerplate ?? BoilerplateFilter.Default;
    private readonly SemaphoreSlim _gate = new(1, 1);
    // Articles read and prepared ahead of the one being stored (32 peaked ~10 MB higher for ~2 % less time).
    private const int ScanAhead = 16;
    private readonly ILogger _logger = logger ?? NullLogger<IndexRefresher>.Instance;

    /// <summary>True while a refresh runs in this process.</summary>
    public bool IsRunning => _gate.CurrentCount == 0;

    /// <summary>
    /// Refreshes the given sources. Throws <see cref="RefreshInProgressException"/> at once when another refresh
    /// is running here or in another process on the same database.
    /// </summary>
    /// <param name="allSources">
    /// True when <paramref name="sources"/> is every source (a full refresh): a source an earlier full refresh read and
    /// this one doesn't was dropped, and its articles go. False when they are given for this refresh only: they are
    /// recorded as given, and no other source is touched.
    /// </param>
    public async Task<RefreshReport> RefreshAsync(IReadOnlyList<IArticleSource> sources, IProgress<RefreshProgress>? progress, CancellationToken cancellationToken, bool allSources = false)
    {
        if (!await _gate.WaitAsync(0, cancellationToken))
        {
            throw new RefreshInProgressException("A refresh is already running; try again when it has finished.");
        }
        using var activity = TalksBotTelemetry.ActivitySource.StartActivity("refresh");
        activity?.SetTag("talksbot.sources", sources.Count);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var report = await RunAsync(sources, allSources, progress, cancellationToken);
            Record(report, Stopwatch.GetElapsedTime(started));
            return report;
        }
        finally
        {
            _gate.Release();
        }
    }

    private static void Record(RefreshReport report, TimeSpan elapsed)
    {
        TalksBotTelemetry.RefreshDuration.Record(elapsed.TotalSeconds);
        void Count(string outcome, int n) { if (n > 0) TalksBotTelemetry.RefreshArticles.Add(n, new KeyValuePair<string, object?>("outcome", outcome)); }
        Count("added", report.Added);
        Count("updated", report.Updated);
        Count("removed", report.Removed);
        Count("unchanged", report.Unchanged);
        Count("skipped", report.Skipped.Count);
        if (report.Errors.Count > 0) TalksBotTelemetry.FetchErrors.Add(report.Errors.Count);
    }

    private async Task<RefreshReport> RunAsync(IReadOnlyList<IArticleSource> sources, bool allSources, IProgress<RefreshProgress>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var tally = new Tally(sources.Count, progress);
        await using var session = await index.BeginRefreshAsync(cancellationToken);
        for (int s = 0; s < sources.Count; s++)
        {
            await RefreshSourceAsync(session, sources[s], s, allSources ? SourceOrigins.Config : SourceOrigins.Given, tally, cancellationToken);
        }
        if (allSources)
        {
            tally.Removed += await RemoveDroppedSourcesAsync(session, sources, cancellationToken);
        }
        await EmbedAsync(session, tally, cancellationToken);
        progress?.Report(tally.Progress("index", sources.Count, 0) with { Phase = "saving" });
        await session.CommitAsync(time.GetUtcNow(), tally.Errors, cancellationToken);
        return tally.Report(embedder?.Model, clock.Elapsed);
    }

    /// <summary>Scan → for each document: unchanged, or clean → split → dedupe → store → then remove what vanished.</summary>
    private async Task RefreshSourceAsync(IIndexRefreshSession session, IArticleSource source, int number, string origin, Tally tally, CancellationToken cancellationToken)
    {
        using var sourceActivity = TalksBotTelemetry.ActivitySource.StartActivity("source");
        sourceActivity?.SetTag("talksbot.source", UrlSecrets.Hide(source.Location));
        var scan = new SourceScan(source, number);
        // An article indexed under another indexing version looks changed to the scan, so it is read again.
        var stored = IndexingStamp.Current(await session.GetStoredArticlesAsync(source.Location, cancellationToken));
        tally.ReportSource(scan);
        try
        {
            var context = new SourceScanContext(stored) { Fetching = tally.Watching ? url => tally.Fetching = url : null };
            await foreach (var (item, prepared) in ScanAheadAsync(source, context, stored, cancellationToken))
            {
                scan.Documents++;
                scan.Seen.Add(item.Origin);
                switch (item)
                {
                    case ArticleUnchanged:
                        tally.Unchanged++;
                        break;
                    case ArticleFound found when IsUnchanged(stored, found):
                        tally.Unchanged++;
                        break;
                    case ArticleFound found:
                        await StoreArticleAsync(session, source.Location, found, await prepared!, stored.ContainsKey(found.Origin), scan, tally, cancellationToken);
                        break;
                    case ArticleSkipped skip:
                        scan.Skip(tally, skip.Origin, skip.Reason);
                        break;
                    case ArticleFailed failed:
                        scan.Errors.Add(new SourceError(time.GetUtcNow(), failed.Origin, failed.Reason));
                        scan.Failed.Add(failed.Origin);
                        break;
                }
                tally.ReportSource(scan);
            }
        }
        catch (SourceUnavailableException ex)
        {
            scan.Readable = false;
            scan.Errors.Add(new SourceError(time.GetUtcNow(), source.Location, ex.Message));
            _logger.LogSourceUnreadable(source.Location, ex.Message);
        }

        // Only a source read to the end says what is gone; an unreadable one keeps every article.
        if (scan.Readable) tally.Removed += await RemoveVanishedAsync(session, source.Location, stored, scan, cancellationToken);
        tally.Errors.AddRange(scan.Errors);
        tally.DocumentsBefore += scan.Documents;
        tally.Fetching = null;
        await session.RecordSourceResultAsync(new SourceScanResult(source.Location, time.GetUtcNow(), scan.Errors, scan.Readable, origin), cancellationToken);
        tally.ReportSource(scan, closing: true);
    }

    /// <summary>The one place a found document is judged unchanged: the same content hash under this indexing version.</summary>
    private static bool IsUnchanged(IReadOnlyDictionary<string, StoredArticle> stored, ArticleFound found) =>
        stored.TryGetValue(found.Origin, out var known) && known.ContentHash == found.ContentHash;

    /// <summary>
    /// The scan, with each new or changed article cleaned, split and analysed while the articles before it are being
    /// stored: reading and parsing files, analysing words and writing the index each take a core, and one after the
    /// other left a second core idle. Items come back in scan order; at most <see cref="ScanAhead"/> are in flight.
    /// </summary>
    private async IAsyncEnumerable<(SourceItem Item, Task<PreparedArticle?>? Prepared)> ScanAheadAsync(
        IArticleSource source, SourceScanContext context, IReadOnlyDictionary<string, StoredArticle> stored,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var ahead = System.Threading.Channels.Channel.CreateBounded<(SourceItem, Task<PreparedArticle?>?)>(
            new System.Threading.Channels.BoundedChannelOptions(ScanAhead) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        System.Runtime.ExceptionServices.ExceptionDispatchInfo? failure = null;
        var scanning = Task.Run(async () =>
        {
            try
            {
                await foreach (var item in source.ScanAsync(context, stop.Token))
                {
                    var prepared = item is ArticleFound found && !IsUnchanged(stored, found) ? Task.Run(() => Prepare(found), stop.Token) : null;
                    await ahead.Writer.WriteAsync((item, prepared), stop.Token);
                }
            }
            catch (Exception ex)
            {
                // Rethrown where the items are read, after the ones before it: an unreadable source keeps its place.
                failure = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex);
            }
            finally
            {
                ahead.Writer.Complete();
            }
        }, CancellationToken.None);
        try
        {
            await foreach (var entry in ahead.Reader.ReadAllAsync(cancellationToken)) yield return entry;
            await scanning;
            failure?.Throw();
        }
        finally
        {
            stop.Cancel();
            // Drain so the scan ends (a writer waiting on a full channel) before the source is disposed of.
            while (ahead.Reader.TryRead(out _)) { }
            try { await scanning; } catch (OperationCanceledException) { }
        }
    }

    /// <summary>Clean → split → analyse one new or changed article: no index access, so it runs ahead of the store.</summary>
    private PreparedArticle? Prepare(ArticleFound found)
    {
        var cleaned = _boilerplate.Clean(found.Article.Body);
        var drafts = splitter.Split(cleaned.Text);
        if (drafts.Count == 0) return new PreparedArticle(null, cleaned.DroppedLines, "", null, []);
        var article = found.Article with { Body = cleaned.Text };
        var url = string.IsNullOrWhiteSpace(article.Url) ? null : article.Url.Trim();
        // Title words are part of every passage's terms: a passage is about what its article is about.
        // (The title's terms are read once and put before each passage's: the same terms as reading title and passage
        // together, since no word runs across the line between them, without copying every passage.)
        var titleTerms = _analyzer.Terms(article.Title);
        var passages = drafts.Select(d => new IndexedPassage(d.Position, d.Text, [.. titleTerms, .. _analyzer.Terms(d.Text)])).ToList();
        return new PreparedArticle(article, cleaned.DroppedLines, ContentHash.OfNormalizedBody(article.Body), url, passages);
    }

    /// <summary>Dedupe → store one prepared article.</summary>
    private static async Task StoreArticleAsync(IIndexRefreshSession session, string sourceLocation, ArticleFound found, PreparedArticle? prepared, bool wasStored, SourceScan scan, Tally tally, CancellationToken cancellationToken)
    {
        tally.BoilerplateLines += prepared?.DroppedLines ?? 0;
        if (prepared?.Article is not { } article)
        {
            scan.Skip(tally, found.Origin, "no article text after cleaning");
            return;
        }
        // The same story reached twice (same link, or the same words from another scrape) is stored once; a stored
        // article that now duplicates another one is skipped, so it goes with the vanished ones.
        if (await session.FindDuplicateAsync(sourceLocation, found.Origin, prepared.Url, prepared.BodyHash, cancellationToken) is { } duplicateOf)
        {
            tally.Duplicates++;
            scan.Skip(tally, found.Origin, $"same article as {duplicateOf}");
            return;
        }
        await session.StoreArticleAsync(sourceLocation,
            new IndexedArticle(found.Origin, IndexingStamp.Stamp(found.ContentHash), prepared.BodyHash, prepared.Url, article, prepared.Passages), cancellationToken);
        if (wasStored) tally.Updated++; else tally.Added++;
    }

    private sealed record PreparedArticle(ArticleDocument? Article, int DroppedLines, string BodyHash, string? Url, List<IndexedPassage> Passages);

    /// <summary>
    /// Articles stored for the source that its scan no longer yields, or yields as not an article, are gone; one that
    /// failed to read this time is kept.
    /// </summary>
    private static async Task<int> RemoveVanishedAsync(IIndexRefreshSession session, string sourceLocation, IReadOnlyDictionary<string, StoredArticle> stored, SourceScan scan, CancellationToken cancellationToken)
    {
        int removed = 0;
        foreach (var origin in stored.Keys)
        {
            bool stillThere = scan.Seen.Contains(origin) && !scan.Skipped.Contains(origin);
            if (!stillThere && !scan.Failed.Contains(origin))
            {
                await session.RemoveArticleAsync(sourceLocation, origin, cancellationToken);
                removed++;
            }
        }
        return removed;
    }

    /// <summary>
    /// A full refresh reads every source there is: a source recorded by an earlier full refresh and no longer among them
    /// was dropped from configuration (or is the demo corpus, given way to an operator's sources), so its articles go.
    /// Sources given for one refresh and moderator-added ones keep theirs until rescanned or removed.
    /// </summary>
    private static async Task<int> RemoveDroppedSourcesAsync(IIndexRefreshSession session, IReadOnlyList<IArticleSource> sources, CancellationToken cancellationToken)
    {
        var read = sources.Select(s => s.Location).ToHashSet(StringComparer.Ordinal);
        int removed = 0;
        foreach (var (location, origin) in await session.GetSourceOriginsAsync(cancellationToken))
        {
            if (origin == SourceOrigins.Config && !read.Contains(location))
            {
                removed += await session.RemoveSourceArticlesAsync(location, cancellationToken);
            }
        }
        return removed;
    }

    /// <summary>Vectors for passages that have none for the model; a failure leaves text search working.</summary>
    private async Task EmbedAsync(IIndexRefreshSession session, Tally tally, CancellationToken cancellationToken)
    {
        if (embedder is null) return;
        try
        {
            tally.Embedded = await embedder.EmbedPendingAsync(session, (n, total) => tally.Watch(
                tally.Progress("embeddings", tally.SourceCount, n) with
                {
                    Phase = "embedding",
                    EmbeddingModel = embedder.Model,
                    PassagesEmbedded = n,
                    PassagesToEmbed = total,
                }), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The next refresh embeds what is missing.
            tally.Errors.Add(new SourceError(time.GetUtcNow(), $"embedding model {embedder.Model}", ex.Message));
            _logger.LogEmbeddingFailed(embedder.Model, ex.Message);
        }
    }

    /// <summary>One source's scan as it goes: what it yielded, skipped and failed, and its errors.</summary>
    private sealed class SourceScan(IArticleSource source, int index)
    {
        public IArticleSource Source { get; } = source;
        public int Number { get; } = index + 1;
        public int Documents { get; set; }
        public bool Readable { get; set; } = true;
        public HashSet<string> Seen { get; } = new(StringComparer.Ordinal);
        public HashSet<string> Skipped { get; } = new(StringComparer.Ordinal);
        public HashSet<string> Failed { get; } = new(StringComparer.Ordinal);
        public List<SourceError> Errors { get; } = [];

        public void Skip(Tally tally, string origin, string reason)
        {
            tally.Skipped.Add(new SkippedDocument(origin, reason));
            Skipped.Add(origin);
        }
    }

    /// <summary>The refresh's running counts, reported as progress and finally as the report.</summary>
    private sealed class Tally(int sourceCount, IProgress<RefreshProgress>? progress)
    {
        private string? _fetching;
        public int SourceCount { get; } = sourceCount;
        public int Added, Updated, Unchanged, Removed, Duplicates, Embedded, BoilerplateLines, DocumentsBefore;
        public List<SkippedDocument> Skipped { get; } = [];
        public List<SourceError> Errors { get; } = [];
        public bool Watching => progress is not null;

        /// <summary>The page being fetched; written from the source's fetching threads.</summary>
        public string? Fetching
        {
            get => Volatile.Read(ref _fetching);
            set => Volatile.Write(ref _fetching, value);
        }

        public RefreshProgress Progress(string source, int number, int documents) =>
            new(source, number, SourceCount, documents, Added, Updated, Unchanged, Skipped.Count, Errors.Count);

        public void Watch(RefreshProgress p) => progress?.Report(p);

        public void ReportSource(SourceScan scan, bool closing = false)
        {
            if (progress is null) return;
            progress.Report(new RefreshProgress(scan.Source.Location, scan.Number, SourceCount, scan.Documents, Added, Updated, Unchanged, Skipped.Count,
                Errors.Count + (closing ? 0 : scan.Errors.Count))
            {
                DocumentsTotal = DocumentsBefore + (closing ? 0 : scan.Documents),
                Fetching = Fetching,
            });
        }

        public RefreshReport Report(string? embeddingModel, TimeSpan elapsed) => new()
        {
            Added = Added,
            Updated = Updated,
            Removed = Removed,
            Unchanged = Unchanged,
            Duplicates = Duplicates,
            Embedded = Embedded,
            BoilerplateLinesDropped = BoilerplateLines,
            EmbeddingModel = embeddingModel,
            Skipped = Skipped,
            Errors = Errors,
            Elapsed = elapsed,
        };
    }
}
