using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TalksBot.Core.Articles;
using TalksBot.Core.Diagnostics;
using TalksBot.Core.Indexing;
using TalksBot.Core.Sources;

namespace TalksBot.Core.Refresh;

/// <summary>
/// Runs a refresh as a pipeline — scan each source → split new and changed articles into passages → store →
/// remove what vanished → embed → commit — in one index transaction, one refresh at a time.
/// </summary>
public sealed class IndexRefresher(
    IArticleIndex index,
    PassageSplitter splitter,
    TimeProvider time,
    PassageEmbedder? embedder = null,
    ILogger<IndexRefresher>? logger = null,
    BoilerplateFilter? boilerplate = null)
{
    private readonly BoilerplateFilter _boilerplate = boilerplate ?? BoilerplateFilter.Default;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ILogger _logger = logger ?? NullLogger<IndexRefresher>.Instance;

    /// <summary>True while a refresh runs in this process.</summary>
    public bool IsRunning => _gate.CurrentCount == 0;

    /// <summary>
    /// Refreshes the given sources. Throws <see cref="RefreshInProgressException"/> at once when another refresh
    /// is running here or in another process on the same database.
    /// </summary>
    /// <param name="allSources">True when <paramref name="sources"/> is every source: articles of sources no longer listed are removed.</param>
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
        int added = 0, updated = 0, unchanged = 0, removed = 0, duplicates = 0, embedded = 0, boilerplateLines = 0;
        var skipped = new List<SkippedDocument>();
        var errors = new List<SourceError>();

        int documentsBefore = 0;
        string? fetching = null;
        await using var session = await index.BeginRefreshAsync(cancellationToken);
        for (int s = 0; s < sources.Count; s++)
        {
            var source = sources[s];
            using var sourceActivity = TalksBotTelemetry.ActivitySource.StartActivity("source");
            sourceActivity?.SetTag("talksbot.source", UrlSecrets.Hide(source.Location));
            var sourceErrors = new List<SourceError>();
            // An article indexed under another indexing version looks changed to the scan, so it is read again.
            var stored = IndexingStamp.Current(await session.GetStoredArticlesAsync(source.Location, cancellationToken));
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var skippedHere = new HashSet<string>(StringComparer.Ordinal);
            var failedHere = new HashSet<string>(StringComparer.Ordinal);
            int documents = 0;
            bool sourceReadable = true;
            void Report() => progress?.Report(new RefreshProgress(source.Location, s + 1, sources.Count, documents, added, updated, unchanged, skipped.Count, errors.Count + sourceErrors.Count)
            {
                DocumentsTotal = documentsBefore + documents,
                Fetching = Volatile.Read(ref fetching),
            });
            Report();
            try
            {
                await foreach (var item in source.ScanAsync(new SourceScanContext(stored) { Fetching = progress is null ? null : url => Volatile.Write(ref fetching, url) }, cancellationToken))
                {
                    documents++;
                    seen.Add(item.Origin);
                    switch (item)
                    {
                        case ArticleUnchanged:
                            unchanged++;
                            break;
                        case ArticleFound found when stored.TryGetValue(found.Origin, out var known) && known.ContentHash == found.ContentHash:
                            unchanged++;
                            break;
                        case ArticleFound found:
                            var cleaned = _boilerplate.Clean(found.Article.Body);
                            boilerplateLines += cleaned.DroppedLines;
                            var passages = splitter.Split(cleaned.Text);
                            if (passages.Count == 0)
                            {
                                skipped.Add(new SkippedDocument(found.Origin, "no article text after cleaning"));
                                skippedHere.Add(found.Origin);
                                break;
                            }
                            var (outcome, duplicateOf) = await session.UpsertAsync(source.Location, found.Origin, IndexingStamp.Stamp(found.ContentHash), found.Article with { Body = cleaned.Text }, passages, cancellationToken);
                            switch (outcome)
                            {
                                case UpsertOutcome.Added: added++; break;
                                case UpsertOutcome.Updated: updated++; break;
                                case UpsertOutcome.Unchanged: unchanged++; break;
                                case UpsertOutcome.Duplicate:
                                    duplicates++;
                                    skipped.Add(new SkippedDocument(found.Origin, $"same article as {duplicateOf}"));
                                    skippedHere.Add(found.Origin);
                                    break;
                            }
                            break;
                        case ArticleSkipped skip:
                            skipped.Add(new SkippedDocument(skip.Origin, skip.Reason));
                            skippedHere.Add(skip.Origin);
                            break;
                        case ArticleFailed failed:
                            sourceErrors.Add(new SourceError(time.GetUtcNow(), failed.Origin, failed.Reason));
                            failedHere.Add(failed.Origin);
                            break;
                    }
                    Report();
                }
            }
            catch (SourceUnavailableException ex)
            {
                sourceReadable = false;
                sourceErrors.Add(new SourceError(time.GetUtcNow(), source.Location, ex.Message));
                _logger.LogSourceUnreadable(source.Location, ex.Message);
            }

            if (sourceReadable)
            {
                // A skipped document that was indexed before is gone as an article: remove it too.
                foreach (var origin in stored.Keys)
                {
                    bool stillThere = seen.Contains(origin) && !skippedHere.Contains(origin);
                    if (!stillThere && !failedHere.Contains(origin))
                    {
                        await session.RemoveAsync(source.Location, origin, cancellationToken);
                        removed++;
                    }
                }
            }
            fetching = null;
            // The source's last progress, while its errors and documents are still counted apart from the totals:
            // reported after merging them, it counted them twice (4 errors shown, 2 in the summary).
            Report();
            errors.AddRange(sourceErrors);
            documentsBefore += documents;
            await session.RecordSourceResultAsync(source.Location, time.GetUtcNow(), sourceErrors, sourceReadable, cancellationToken);
        }

        if (allSources)
        {
            removed += await session.RemoveOtherSourcesAsync(sources.Select(s => s.Location).ToList(), cancellationToken);
        }

        if (embedder is not null)
        {
            try
            {
                embedded = await embedder.EmbedPendingAsync(session, (n, total) => progress?.Report(
                    new RefreshProgress("embeddings", sources.Count, sources.Count, n, added, updated, unchanged, skipped.Count, errors.Count)
                    {
                        Phase = "embedding",
                        EmbeddingModel = embedder.Model,
                        PassagesEmbedded = n,
                        PassagesToEmbed = total,
                    }), cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Text search still works without vectors; the next refresh embeds what is missing.
                errors.Add(new SourceError(time.GetUtcNow(), $"embedding model {embedder.Model}", ex.Message));
                _logger.LogEmbeddingFailed(embedder.Model, ex.Message);
            }
        }

        progress?.Report(new RefreshProgress("index", sources.Count, sources.Count, 0, added, updated, unchanged, skipped.Count, errors.Count) { Phase = "saving" });
        await session.CommitAsync(time.GetUtcNow(), errors, cancellationToken);
        return new RefreshReport
        {
            Added = added,
            Updated = updated,
            Removed = removed,
            Unchanged = unchanged,
            Duplicates = duplicates,
            Embedded = embedded,
            BoilerplateLinesDropped = boilerplateLines,
            EmbeddingModel = embedder?.Model,
            Skipped = skipped,
            Errors = errors,
            Elapsed = clock.Elapsed,
        };
    }
}
