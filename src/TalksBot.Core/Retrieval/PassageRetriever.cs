using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TalksBot.Core.Indexing;

namespace TalksBot.Core.Retrieval;

/// <summary>
/// Finds the passages that answer a question: bm25 over analyzed terms (fused by reciprocal rank with vector
/// similarity when embeddings are on), re-ranked by how much of the question a passage covers, by age when the
/// question asks for the latest, and for diversity across articles.
/// </summary>
public sealed class PassageRetriever(
    IArticleIndex index,
    TextAnalyzer analyzer,
    RetrievalOptions options,
    QueryEmbedder? embedder = null,
    ILogger<PassageRetriever>? logger = null)
{
    // A small k keeps rank differences visible after fusion (k = 60 flattens the top ranks to near-equal scores).
    private const int RrfK = 10;
    private readonly ILogger _logger = logger ?? NullLogger<PassageRetriever>.Instance;

    public async Task<RetrievalResult> RetrieveAsync(string question, CancellationToken cancellationToken)
    {
        var query = analyzer.AnalyzeQuestion(question);
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        if (query.Terms.Count == 0 && embedder is null)
        {
            return new RetrievalResult(query, [], weights, false);
        }

        IReadOnlyList<PassageHit> textHits = [];
        if (query.Terms.Count > 0)
        {
            var stats = await index.GetTermStatisticsAsync(query.Terms, cancellationToken);
            double n = Math.Max(1, stats.TotalPassages);
            foreach (var term in query.Terms)
            {
                long df = stats.DocumentFrequency.GetValueOrDefault(term);
                weights[term] = Math.Log(1 + (n - df + 0.5) / (df + 0.5));
            }
            textHits = await TextSearchAsync(query.Terms, stats, cancellationToken);
        }
        IReadOnlyList<PassageHit> vectorHits = [];
        if (embedder is not null)
        {
            try
            {
                var vector = await embedder.EmbedAsync(question, cancellationToken);
                if (!vector.IsEmpty) vectorHits = await index.SearchByVectorAsync(vector, embedder.Model, options.Candidates, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Keyword search alone still answers; say so once in the log.
                _logger.LogWarning("Question embedding failed, using keyword search only: {Reason}", ex.Message);
            }
        }

        double totalWeight = weights.Values.Sum();

        // Fuse the two rankings by reciprocal rank; keep the raw scores to expose them.
        var candidates = new Dictionary<long, (PassageHit Hit, double Text, double? Vector, double Rrf)>();
        for (int r = 0; r < textHits.Count; r++)
        {
            var hit = textHits[r];
            candidates[hit.PassageId] = (hit, hit.Score, null, 1.0 / (RrfK + r + 1));
        }
        for (int r = 0; r < vectorHits.Count; r++)
        {
            var hit = vectorHits[r];
            double rrf = 1.0 / (RrfK + r + 1);
            candidates[hit.PassageId] = candidates.TryGetValue(hit.PassageId, out var c)
                ? (c.Hit, c.Text, hit.Score, c.Rrf + rrf)
                : (hit, 0, hit.Score, rrf);
        }
        if (candidates.Count == 0) return new RetrievalResult(query, [], weights, false);

        double maxRrf = candidates.Values.Max(c => c.Rrf);
        var dated = candidates.Values.Where(c => c.Hit.Article.Published is not null).Select(c => c.Hit.Article.Published!.Value.DayNumber).ToList();
        int minDay = dated.Count > 0 ? dated.Min() : 0, maxDay = dated.Count > 0 ? dated.Max() : 0;

        var scored = new List<RetrievedPassage>(candidates.Count);
        foreach (var (hit, text, vector, rrf) in candidates.Values)
        {
            double coverage = totalWeight > 0 ? Coverage(hit.Text, weights) / totalWeight : 0;
            double freshness = hit.Article.Published is { } p && maxDay > minDay ? (double)(p.DayNumber - minDay) / (maxDay - minDay) : 0;
            double score = 0.45 * (rrf / maxRrf) + 0.55 * coverage + 0.3 * (vector ?? 0)
                + freshness * (query.WantsRecent ? options.RecencyWeight : options.AgeWeight);
            scored.Add(new RetrievedPassage(hit, text, vector, coverage, score));
        }

        // Greedy selection with a penalty per passage already taken from the same article.
        var chosen = new List<RetrievedPassage>(options.MaxPassages);
        var perArticle = new Dictionary<long, int>();
        var pool = scored.OrderByDescending(s => s.Score).ToList();
        while (chosen.Count < options.MaxPassages && pool.Count > 0)
        {
            int best = 0;
            double bestScore = double.MinValue;
            for (int i = 0; i < pool.Count; i++)
            {
                double adjusted = pool[i].Score - options.SameArticlePenalty * perArticle.GetValueOrDefault(pool[i].Article.Id);
                if (adjusted > bestScore)
                {
                    bestScore = adjusted;
                    best = i;
                }
            }
            var pick = pool[best];
            pool.RemoveAt(best);
            if (pick.Coverage <= 0 && pick.VectorScore is null) continue;
            chosen.Add(pick with { Score = bestScore });
            perArticle[pick.Article.Id] = perArticle.GetValueOrDefault(pick.Article.Id) + 1;
        }

        bool covered = chosen.Any(c => c.Coverage >= options.MinCoverage)
            || (query.Terms.Count == 0 || chosen.All(c => c.Coverage == 0)) && chosen.Any(c => c.VectorScore >= options.MinVectorSimilarity);
        return new RetrievalResult(query, chosen, weights, covered);
    }

    /// <summary>
    /// Tiered bm25: passages holding every term first (an intersection is cheap to score and is what answers best);
    /// only when those are too few, passages holding any of the selective terms. Terms in most passages
    /// ("russia", "ukraine") barely rank anything and make an OR query score nearly the whole index.
    /// </summary>
    private async Task<IReadOnlyList<PassageHit>> TextSearchAsync(IReadOnlyList<string> terms, TermStatistics stats, CancellationToken cancellationToken)
    {
        var present = terms.Where(t => stats.DocumentFrequency.GetValueOrDefault(t) > 0).ToList();
        if (present.Count == 0) return [];
        // A small index is cheap to score whole, and "common" means little in a few passages.
        if (stats.TotalPassages < options.TieredSearchFromPassages)
        {
            return await index.SearchAsync(present, options.Candidates, requireAll: false, cancellationToken);
        }
        if (present.Count > 1)
        {
            var all = await index.SearchAsync(present, options.Candidates, requireAll: true, cancellationToken);
            if (all.Count >= options.MinAllTermsHits) return all;
        }
        double n = Math.Max(1, stats.TotalPassages);
        var selective = present.Where(t => stats.DocumentFrequency[t] / n <= options.CommonTermShare).ToList();
        return await index.SearchAsync(selective.Count > 0 ? selective : present, options.Candidates, requireAll: false, cancellationToken);
    }

    /// <summary>Sum of the weights of the question terms a text contains.</summary>
    public double Coverage(string text, IReadOnlyDictionary<string, double> weights)
    {
        double sum = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var term in analyzer.Terms(text))
        {
            if (weights.TryGetValue(term, out var w) && seen.Add(term)) sum += w;
        }
        return sum;
    }
}
