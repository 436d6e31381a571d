using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TalksBot.Core.Answering;
using TalksBot.Core.Indexing;

namespace TalksBot.Core.Retrieval;

/// <summary>
/// Finds the passages that answer a question and judges whether they do. bm25 over analysed terms and vector
/// similarity over the whole index are fused by reciprocal rank; candidates are re-ranked by how much of the
/// question's focus they hold — with their neighbouring passages, paraphrases and spelling corrections — by age when
/// the question asks for the latest, and for diversity across articles. The question is covered only when a chosen
/// passage holds its names and enough of its focus, backed by semantic similarity when embeddings are on.
/// </summary>
public sealed partial class PassageRetriever(
    IPassageSearch index,
    TextAnalyzer analyzer,
    RetrievalOptions options,
    QueryEmbedder? embedder = null,
    ILogger<PassageRetriever>? logger = null)
{
    // A small k keeps rank differences visible after fusion (k = 60 flattens the top ranks to near-equal scores).
    private const int RrfK = 10;
    // Candidates whose neighbours are read: the window is what lets a fact in the next passage count.
    private const int WindowCandidates = 20;
    private const int MaxNeighbors = 2;
    // Passages kept from each anchor's own search in a timeline question.
    private const int PassagesPerAnchor = 2;
    private const double RecencyHalfLifeDays = 14;
    // What a passage earns, for one end of a comparison across years, for being about that year (published then, or
    // setting its events in it) rather than naming it in passing ("the war since its February 2022 invasion").
    private const double PeriodWeight = 0.3;
    // What a passage earns for a report from the month the question names (half for one about the year it names).
    // Tried on the read sets at 0.15, 0.2 and 0.3: from 0.2 the month's report wins ("in April 2022 … Liz Truss");
    // no gain past it.
    private const double DateContextWeight = 0.2;
    // How many times the vector candidates' depth similarities are read to, for scoring text candidates.
    private const int SimilarityDepth = 5;
    // Missing the question's rarest word asks for this much more of the rest.
    private const double SpecificPenalty = 0.15;
    // Two adjacent sentences must hold this share of what the whole window must hold.
    private const double SentencePairShare = 0.8;

    // How much of the question's focus a sentence saying the fact asked for was not given (with the one before it) must
    // hold to speak of what the question asks.
    private const double NotGivenShare = 0.5;

    // What a report published before the whole date the question asks about loses in ranking.
    private const double PredatesPenalty = 0.3;

    /// <summary>
    /// What a report from the outlet the question names as its source adds ("going by Mick Ryan's newsletter", "according
    /// to the Atlantic Council"): another report quoting Mick Ryan holds his name as well, but it is not his newsletter.
    /// </summary>
    private const double NamedOutletWeight = 0.2;
    // How much more of the focus a second passage of an article must hold to escape the same-article penalty.
    private const double BetterCoverage = 0.15;
    // Sentences of the chosen passages embedded for the extractive answer: enough for 5 passages and their neighbours.
    private const int SentencesEmbedded = 48;
    // Sentences holding a typed answer embedded for a question short of words: the refusal path stays cheap.
    private const int AnswerSentencesEmbedded = 12;
    // Words between a name and the question's words for the name to answer "who".
    private const int NameNearWords = 6;
    // Words between a role and the name that answers "what is the name of the <role>?".
    private const int RoleNameWords = 3;
    // How much lower the similarity floor is for a passage window that holds the question's whole focus.
    private const double FullCoverageSimilarityRelief = 0.1;
    // The rarest terms an any-term search of a large index scores: each common one adds thousands of passages to score.
    private const int MaxAnyTerms = 4;
    // Names shorter than this get no spelling variants; a variant may be this many at most.
    private const int MinNameVariantLength = 6;
    private const int MaxNameVariants = 3;
    private const int MaxPassagesOfVariedName = 10;
    // The least of its focus the best passage must hold to ground a question by the typed answer it gives; 0.2 to 0.4
    // made no difference on the six question sets.
    private const double TypedAnswerMinCoverage = 0.3;
    // What a word of the question's "according to …" clause weighs, of its usual weight.
    private const double AttributionShare = 0.3;
    // What a follow-up's context words weigh, of their usual weight (fresh6 measured 0.4 and 0.7; 0.4 answered one more).
    private const double ContextShare = 0.4;
    // A dateline or a byline line may come first ("CNN —"): two sentences reach the lead behind it.
    private const int LeadSentences = 2;
    private readonly ILogger _logger = logger ?? NullLogger<PassageRetriever>.Instance;
    private readonly SpellingCorrector _corrector = new(analyzer);
    // The index terms of the words of saying, read once: every "what did X say" question asks for them.
    private readonly HashSet<string> _sayingTerms = StatementSpeaker.SayingTerms(analyzer);
    // The index terms of the kinds a question may ask for (GenericKinds, NamedKinds), read once: the rarest-word rule and
    // "how many X" both leave them out.
    private readonly HashSet<string> _kindTerms = GenericKinds.Concat(NamedKinds).Select(analyzer.Term).OfType<string>().ToHashSet(StringComparer.Ordinal);

    public async Task<RetrievalResult> RetrieveAsync(string question, CancellationToken cancellationToken)
    {
        var timeline = TimelineQuestion.Parse(question);
        if (timeline is null) return await RetrieveOneAsync(question, cancellationToken);
        if (timeline.Anchors.Count < 2) return await RetrieveOneAsync(question, cancellationToken) with { Timeline = timeline };
        var whole = await RetrieveOneAsync(timeline.Topic, cancellationToken);

        // Each end of the story searched on its own, so "from Abu Dhabi to Geneva" finds both.
        var parts = new List<RetrievalResult>();
        var anchored = timeline.PerAnchor().ToList();
        for (int k = 0; k < anchored.Count; k++) parts.Add(await RetrieveOneAsync(anchored[k], cancellationToken, TimelineQuestion.YearOf(timeline.Anchors[k])));
        var passages = new List<RetrievedPassage>();
        var seen = new HashSet<long>();
        for (int k = 0; k < parts.Count; k++)
        {
            if (!parts[k].Covered) continue;
            int chosen = 0;
            foreach (var p in parts[k].Passages)
            {
                if (!p.IsNeighbor && ++chosen > PassagesPerAnchor) break;
                if (seen.Add(p.Hit.PassageId)) passages.Add(p with { Anchor = k });
            }
        }
        if (whole.Covered)
        {
            foreach (var p in whole.Passages.Where(p => seen.Add(p.Hit.PassageId))) passages.Add(p);
        }
        var covered = parts.Where(p => p.Covered).Prepend(whole).Where(p => p.Covered).ToList();
        if (covered.Count == 0) return whole with { Timeline = timeline };
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (term, weight) in covered.SelectMany(r => r.TermWeights)) weights[term] = Math.Max(weights.GetValueOrDefault(term), weight);
        var focus = covered.SelectMany(r => r.Focus).DistinctBy(f => f.Term).ToList();
        return new RetrievalResult(whole.Query, passages, weights, true) { Focus = focus, Grounding = covered[0].Grounding, Timeline = timeline };
    }

    /// <param name="period">For one end of a comparison across years ("the 2022 talks"): the year whose reports and
    /// whose events ("In 2022, there were five rounds") the passages should be about.</param>
    private async Task<RetrievalResult> RetrieveOneAsync(string question, CancellationToken cancellationToken, int? period = null)
    {
        var query = analyzer.AnalyzeQuestion(question);
        var focus = await BuildFocusAsync(query, cancellationToken);
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var f in focus.Terms)
        {
            weights[f.Term] = Math.Max(weights.GetValueOrDefault(f.Term), f.Weight);
            foreach (var alt in f.Alternatives)
            {
                double own = Math.Min(f.Weight, f.AlternativeWeights.GetValueOrDefault(alt, f.Weight));
                weights[alt] = Math.Max(weights.GetValueOrDefault(alt), own * options.ParaphraseWeight);
            }
        }
        if (focus.Terms.Count == 0 && embedder is null)
        {
            var reason = focus.Unknown.Count > 0
                ? $"the articles never mention {Quote(focus.Unknown)}"
                : "the question has no words to search for";
            return new RetrievalResult(query, [], weights, false) { Grounding = Grounding.NotCovered(reason, focus.Unknown, focus.Corrections) };
        }

        var textHits = focus.Terms.Count > 0 ? await TextSearchAsync(focus, cancellationToken) : [];
        if (period is { } year) textHits = await WithPeriodAsync(textHits, focus, year, cancellationToken);
        // Similarities are read deeper than the vector candidates, so a passage found by its words alone is still
        // scored by its meaning (a missing similarity would cost it the whole vector share of its score).
        IReadOnlyList<PassageHit> similarities = [];
        ReadOnlyMemory<float> vector = default;
        if (embedder is not null)
        {
            try
            {
                vector = await embedder.EmbedAsync(question, cancellationToken);
                if (!vector.IsEmpty) similarities = await index.SearchByVectorAsync(vector, embedder.Model, options.Candidates * SimilarityDepth, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Keyword search alone still answers; say so once in the log.
                _logger.LogQuestionEmbeddingFailed(ex.Message);
            }
        }

        // Fuse the two rankings by reciprocal rank; keep the raw scores to expose them.
        var fused = new Dictionary<long, (PassageHit Hit, double Text, double? Vector, double Rrf)>();
        for (int r = 0; r < textHits.Count; r++)
        {
            var hit = textHits[r];
            fused[hit.PassageId] = (hit, hit.Score, null, 1.0 / (RrfK + r + 1));
        }
        for (int r = 0; r < similarities.Count; r++)
        {
            var hit = similarities[r];
            double rrf = r < options.Candidates ? 1.0 / (RrfK + r + 1) : 0;
            if (fused.TryGetValue(hit.PassageId, out var c)) fused[hit.PassageId] = (c.Hit, c.Text, hit.Score, c.Rrf + rrf);
            else if (r < options.Candidates) fused[hit.PassageId] = (hit, 0, hit.Score, rrf);
        }
        if (similarities.Count > 0)
        {
            // Below the depth read, a passage is at most as similar as the last one read.
            double floor = similarities[^1].Score;
            foreach (var (id, c) in fused.Where(kv => kv.Value.Vector is null).ToList()) fused[id] = (c.Hit, c.Text, floor, c.Rrf);
        }
        if (fused.Count == 0)
        {
            return new RetrievalResult(query, [], weights, false)
            {
                Focus = focus.Terms,
                Grounding = Grounding.NotCovered($"no passage holds {Quote(focus.Terms.Select(f => f.Term))}", focus.Unknown, focus.Corrections),
            };
        }

        double maxRrf = fused.Values.Max(c => c.Rrf);
        var dated = fused.Values.Where(c => c.Hit.Article.Published is not null).Select(c => c.Hit.Article.Published!.Value.DayNumber).ToList();
        int minDay = dated.Count > 0 ? dated.Min() : 0, maxDay = dated.Count > 0 ? dated.Max() : 0;

        var candidates = fused.Values.Select(c => new Candidate(c.Hit, c.Text, c.Vector, c.Rrf / maxRrf, HeldIn(focus, c.Hit))).ToList();
        foreach (var c in candidates) c.Preliminary = 0.5 * c.Rrf + 0.5 * Coverage(focus, c.Own) + 0.3 * (c.Vector ?? 0);

        // Passage windows: the passages before and after the best candidates, so a fact in the next passage counts.
        var windowed = candidates.OrderByDescending(c => c.Preliminary).Take(WindowCandidates).ToList();
        var neighbors = await index.GetAdjacentPassagesAsync(windowed.Select(c => c.Hit.PassageId).ToList(), cancellationToken);
        var byPosition = new Dictionary<(long Article, int Position), (PassageHit Hit, FocusHold Held)>();
        foreach (var n in neighbors) byPosition[(n.Article.Id, n.Position)] = (n, HeldIn(focus, n));
        foreach (var c in candidates)
        {
            if (byPosition.TryGetValue((c.Hit.Article.Id, c.Hit.Position - 1), out var before)) c.Before = before;
            if (byPosition.TryGetValue((c.Hit.Article.Id, c.Hit.Position + 1), out var after)) c.After = after;
        }

        // The month or year the question sets itself in (not for one end of a comparison, which has its period).
        var dates = period is null && !query.WantsRecent ? QuestionDates.Of(query.Question) : null;
        var names = focus.Terms.Where(f => f.IsName).Select(f => f.Term).ToHashSet(StringComparer.Ordinal);
        var asked = focus.Terms.Select(f => f.Term).ToHashSet(StringComparer.Ordinal);
        var outletNamed = new Dictionary<long, bool>();
        bool NamesOutlet(ArticleInfo article)
        {
            if (outletNamed.TryGetValue(article.Id, out bool named)) return named;
            // The outlet's own name, not what a scraper adds in brackets ("Mick Ryan (Substack)"), all of it.
            int bracket = article.Outlet.IndexOf('(');
            var outlet = analyzer.Terms(bracket >= 0 ? article.Outlet[..bracket] : article.Outlet);
            // Written small ("that atlantic council article", "per mick ryan"), two words of it will do; one ("time",
            // "fortune") must be written as a name.
            return outletNamed[article.Id] = outlet.Count > 0 && (outlet.All(names.Contains) || outlet.Count >= 2 && outlet.All(asked.Contains));
        }
        foreach (var c in candidates)
        {
            c.Window = c.Own.Combine(c.Before?.Held, c.After?.Held, options.NeighborWeight);
            c.NamesHeld = c.NamesInWindow = NamesHeld(focus, c.Window);
        }
        // A report names who and where once and then goes on without them: "During the talks on May 16, 2025, in
        // Turkey…" and, ten passages on, "the talks on May 16, 2025 (which lasted less than two hours)". A name the
        // passage lacks is held when another passage found of the same report holds it.
        foreach (var report in candidates.GroupBy(c => c.Hit.Article.Id).Where(r => r.Skip(1).Any() && r.Any(c => !c.NamesHeld)))
        {
            // The names none of the report's passages found holds: a name one of them holds counts for all of them.
            HashSet<string>? lackedByAll = null;
            foreach (var o in report)
            {
                var lacked = MissingNames(focus, o.Own).ToHashSet(StringComparer.Ordinal);
                if (lackedByAll is null) lackedByAll = lacked;
                else lackedByAll.IntersectWith(lacked);
            }
            foreach (var c in report.Where(c => !c.NamesHeld))
            {
                if (!MissingNames(focus, c.Window).Any(lackedByAll!.Contains)) c.NamesHeld = true;
            }
        }
        foreach (var c in candidates)
        {
            // "The latest" means the last weeks, not the later half of four years: a half-life from the newest report.
            double freshness = c.Hit.Article.Published is not { } p || maxDay <= minDay ? 0
                : query.WantsRecent ? Math.Pow(0.5, (maxDay - p.DayNumber) / RecencyHalfLifeDays)
                : (double)(p.DayNumber - minDay) / (maxDay - minDay);
            c.Coverage = Coverage(focus, c.Own);
            c.WindowCoverage = Coverage(focus, c.Window);
            c.Score = 0.4 * c.Rrf + 0.45 * c.Coverage + 0.15 * c.WindowCoverage + 0.3 * (c.Vector ?? 0)
                + freshness * (query.WantsRecent ? options.RecencyWeight : query.AsksCurrentHolder ? options.CurrentHolderWeight : options.AgeWeight)
                - (c.NamesInWindow ? 0 : 0.3)
                + (period is { } inYear && TimelineQuestion.IsAbout(c.Hit.Article.Published, c.Hit.Text, inYear) ? PeriodWeight : 0)
                + (dates is { IsEmpty: false } ? DateContextWeight * dates.Closeness(c.Hit.Article.Published, c.Hit.Text) : 0)
                + (NamesOutlet(c.Hit.Article) ? NamedOutletWeight : 0)
                // A report from before the day the question asks about can't tell what happened on it (Predates).
                - (dates?.HappenedFrom is { } day && c.Hit.Article.Published is { } published && published < day ? PredatesPenalty : 0);
        }

        if (_logger.IsEnabled(LogLevel.Debug))
        {
            // What an operator (or a developer tuning the weights) needs to see why a passage won.
            foreach (var c in candidates.OrderByDescending(c => c.Score).Take(10))
            {
                _logger.LogCandidate(c.Hit.Article.Title, c.Hit.Position, c.Score, c.Rrf, c.Coverage, c.WindowCoverage, c.Vector, c.NamesHeld);
            }
        }
        var chosen = Select(candidates, focus, query);
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            foreach (var (c, along) in chosen) _logger.LogChosen(c.Hit.Article.Title, c.Hit.Position, c.Score, along.Count);
        }
        var (grounding, answerSentence, answerSimilarity) = await JudgeAsync(chosen, focus, query, vector, cancellationToken);
        var passages = new List<RetrievedPassage>();
        RetrievedPassage Neighbor((PassageHit Hit, FocusHold Held) n, Candidate of) =>
            new(n.Hit, 0, null, Coverage(focus, n.Held), of.Score) { IsNeighbor = true, HeldFocus = n.Held.HeldTerms(focus).ToList() };
        foreach (var (c, neighborsOf) in chosen)
        {
            passages.Add(new RetrievedPassage(c.Hit, c.TextScore, c.Vector, c.Coverage, c.Score) { HeldFocus = c.Own.HeldTerms(focus).ToList() });
            foreach (var n in neighborsOf) passages.Add(Neighbor(n, c));
        }
        // The sentence that grounded a reworded question is quoted, so the passage holding it comes along.
        if (grounding.Covered && answerSentence is not null && !passages.Any(p => p.Hit.Text.Contains(answerSentence, StringComparison.Ordinal)))
        {
            foreach (var (c, _) in chosen)
            {
                if (new[] { c.Before, c.After }.FirstOrDefault(n => n is { } x && x.Hit.Text.Contains(answerSentence, StringComparison.Ordinal)) is { } holder)
                {
                    passages.Add(Neighbor(holder, c));
                    break;
                }
            }
        }
        var sentenceSimilarity = options.EmbedAnswerSentences && grounding.Covered && !vector.IsEmpty ? await SentenceSimilarityAsync(passages, vector, cancellationToken) : answerSimilarity;
        // The sentences that give the number asked for where the question asks it, as grounding checked them (told with
        // its setting, counting what it counts): the writer prefers them over a number told of something else. Only for
        // a how-many / how-much question: who- and where-sentences pass the check too loosely to be preferred.
        var answering = grounding.Covered && query.Type == QuestionType.Quantity
            ? AnswerSentences(chosen.Select(c => c.Passage).Where(c => c.NamesHeld), focus, query).Select(a => a.Sentence).ToHashSet(StringComparer.Ordinal)
            : [];
        return new RetrievalResult(query, passages, weights, grounding.Covered)
        {
            Focus = focus.Terms,
            Phrases = focus.Phrases,
            Grounding = grounding,
            SentenceSimilarity = sentenceSimilarity ?? new Dictionary<string, double>(),
            GroundingSentence = answerSentence,
            AnswerSentences = answering,
        };
    }

    /// <summary>
    /// The meaning of each sentence of the chosen passages against the question's: a paraphrased question ("what share
    /// of businesses are struggling") is answered by the sentence that means it ("80% of firms affected"), which shares
    /// few of its words. One batch for the whole answer, at most <see cref="SentencesEmbedded"/> sentences; an
    /// embedding failure leaves the choice to the words alone.
    /// </summary>
    private async Task<Dictionary<string, double>?> SentenceSimilarityAsync(List<RetrievedPassage> passages, ReadOnlyMemory<float> question, CancellationToken cancellationToken)
    {
        var sentences = passages.SelectMany(p => Articles.SentenceSplitter.Split(p.Hit.Text)).Distinct(StringComparer.Ordinal).Take(SentencesEmbedded).ToList();
        try
        {
            var vectors = await embedder!.EmbedDocumentsAsync(sentences, cancellationToken);
            var result = new Dictionary<string, double>(StringComparer.Ordinal);
            for (int i = 0; i < sentences.Count && i < vectors.Count; i++) result[sentences[i]] = Cosine(question.Span, vectors[i].Span);
            return result;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogSentenceEmbeddingFailed(ex.Message);
            return null;
        }
    }

    private static double Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length || a.Length == 0) return 0;
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.Length; i++)
        {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na > 0 && nb > 0 ? dot / Math.Sqrt(na * nb) : 0;
    }

    /// <summary>Greedy choice by score; a passage of an article already chosen pays a penalty only when it adds no focus term.</summary>
    private List<(Candidate Passage, List<(PassageHit Hit, FocusHold Held)> Neighbors)> Select(List<Candidate> candidates, QuestionFocus focus, QueryAnalysis query)
    {
        var (question, type) = (query.Question, query.Type);
        var content = focus.Terms.Where(f => !f.IsName).SelectMany(f => f.Alternatives.Prepend(f.Term)).ToHashSet(StringComparer.Ordinal);
        var chosen = new List<(Candidate, List<(PassageHit, FocusHold)>)>();
        var heldByArticle = new Dictionary<long, HashSet<string>>();
        var bestCoverageByArticle = new Dictionary<long, double>();
        var taken = new HashSet<long>();
        var pool = candidates.Where(c => c.WindowCoverage > 0 || c.Vector is not null).OrderByDescending(c => c.Score).ToList();
        int neighborsAdded = 0;
        while (chosen.Count < options.MaxPassages && pool.Count > 0)
        {
            int best = 0;
            double bestScore = double.MinValue;
            for (int i = 0; i < pool.Count; i++)
            {
                var c = pool[i];
                double adjusted = c.Score;
                // A second passage of an article pays unless it adds a focus term or holds the focus clearly better
                // (the whole phrase where the first had its words apart).
                if (heldByArticle.TryGetValue(c.Hit.Article.Id, out var known) && c.Window.HeldTerms(focus).All(known.Contains)
                    && c.WindowCoverage < bestCoverageByArticle[c.Hit.Article.Id] + BetterCoverage)
                {
                    adjusted -= options.SameArticlePenalty;
                }
                if (adjusted > bestScore)
                {
                    bestScore = adjusted;
                    best = i;
                }
            }
            var pick = pool[best];
            pool.RemoveAt(best);
            if (!taken.Add(pick.Hit.PassageId)) continue;
            pick.Score = bestScore;
            if (!heldByArticle.TryGetValue(pick.Hit.Article.Id, out var set)) heldByArticle[pick.Hit.Article.Id] = set = new HashSet<string>(StringComparer.Ordinal);
            set.UnionWith(pick.Window.HeldTerms(focus));
            bestCoverageByArticle[pick.Hit.Article.Id] = Math.Max(bestCoverageByArticle.GetValueOrDefault(pick.Hit.Article.Id), pick.WindowCoverage);

            // A neighbour comes along when it holds focus words the passage itself lacks (the fact is next door).
            var along = new List<(PassageHit, FocusHold)>();
            foreach (var n in new[] { pick.Before, pick.After })
            {
                if (n is not { } neighbor || neighborsAdded >= MaxNeighbors || taken.Contains(neighbor.Hit.PassageId)) continue;
                var own = pick.Own.HeldTerms(focus);
                var theirs = neighbor.Held.HeldTerms(focus);
                // Or when it holds the answer of the asked type next to the question's words and the passage doesn't
                // ("How many were exchanged?" — the number is told in the next paragraph).
                bool answersNextDoor = theirs.Any() && AnswerCandidates.AnswersIn(type, neighbor.Hit.Text, question, content, analyzer)
                    && !AnswerCandidates.AnswersIn(type, pick.Hit.Text, question, content, analyzer);
                if (!theirs.Any(t => !own.Contains(t)) && !answersNextDoor) continue;
                along.Add(neighbor);
                taken.Add(neighbor.Hit.PassageId);
                neighborsAdded++;
            }
            chosen.Add((pick, along));
        }
        return chosen;
    }

    /// <summary>
    /// Covered when a chosen passage (with its window) holds every name and enough of the focus, and is similar enough;
    /// or when a chosen passage gives the asked type of answer (<see cref="TypedAnswerOf"/>); or, with
    /// embeddings, when a sentence answers the asked type and means what the question asks (<see cref="AnswerSentenceAsync"/>).
    /// Then that sentence (and the similarities read) come back too, for the writer to quote first.
    /// </summary>
    private async Task<(Grounding Grounding, string? AnswerSentence, Dictionary<string, double>? AnswerSimilarity)> JudgeAsync(
        List<(Candidate Passage, List<(PassageHit Hit, FocusHold Held)> Neighbors)> chosen, QuestionFocus focus, QueryAnalysis query,
        ReadOnlyMemory<float> question, CancellationToken cancellationToken)
    {
        if (chosen.Count == 0) return (Grounding.NotCovered("no passage holds any of the question's words", focus.Unknown, focus.Corrections), null, null);
        if (focus.UnknownNames.Count > 0)
        {
            return (Grounding.NotCovered($"the articles never mention {Quote(focus.UnknownNames)}", focus.Unknown, focus.Corrections), null, null);
        }
        double? bestSimilarity = chosen.Max(c => c.Passage.Vector);
        if (focus.Terms.Count == 0)
        {
            // Nothing to match by words (another language): similarity alone decides.
            bool similar = bestSimilarity >= options.MinVectorSimilarity;
            return (new Grounding(similar, similar ? null : $"no passage is similar enough to the question (best {bestSimilarity:0.00}, needs {options.MinVectorSimilarity:0.00})",
                [], [], focus.Unknown, focus.Corrections, bestSimilarity), null, null);
        }
        (Grounding, string?, Dictionary<string, double>?) Refused(string? why) =>
            (new Grounding(false, why, [], focus.Terms.Select(f => f.Term).ToList(), focus.Unknown, focus.Corrections, bestSimilarity), null, null);

        // An unknown word is evidence against coverage: each one asks for more of the rest.
        int unknown = focus.Unknown.Count;
        double need = Math.Min(0.95, options.MinCoverage + 0.1 * unknown);
        double needSimilarity = options.MinSimilarity + 0.05 * unknown;
        string? reason = null;
        Candidate? best = null;
        var scene = SceneTerms(query, focus);
        foreach (var (c, _) in chosen)
        {
            bool MissesSpecific(Candidate c) => focus.MostSpecific is { } m && c.Window.Factor(m.Term) == 0;
            string? why = null;
            bool strong = c.Vector >= options.StrongSimilarity;
            if (!c.NamesHeld) why = $"no passage names {Quote(MissingNames(focus, c.Window))} together with the rest of the question";
            else if (focus.Unknown.Count > 0 && !strong && c.WindowCoverage < 0.99) why = $"the articles never mention {Quote(focus.Unknown)}";
            else if (c.Vector is null && c.WindowCoverage < need + (MissesSpecific(c) ? SpecificPenalty : 0)) why = $"the best passage holds {c.WindowCoverage:P0} of the question's focus (needs {need:P0})";
            // A window holding every word of the question needs less of the model's word for it: a long digest passage
            // that says "Zelensky's preconditions" among much else is not much like the short question, yet answers it.
            else if (c.Vector is { } sim && !(sim >= needSimilarity - (c.WindowCoverage >= 0.99 ? FullCoverageSimilarityRelief : 0) && c.WindowCoverage >= RequiredCoverage(need + (MissesSpecific(c) ? SpecificPenalty : 0), need / 2, sim)))
            {
                why = $"the best passage holds {c.WindowCoverage:P0} of the question's focus at similarity {sim:0.00} (needs {RequiredCoverage(need + (MissesSpecific(c) ? SpecificPenalty : 0), need / 2, sim):P0} at that similarity)";
            }
            if (why is null && !SentencesHold(c, focus, need * SentencePairShare, AsksForRole(query), scene))
            {
                why = $"no two adjacent sentences hold the question's names and {need * SentencePairShare:P0} of its focus together";
            }
            if (why is null)
            {
                best = c;
                break;
            }
            reason ??= why;
        }
        Dictionary<string, double>? answerSimilarity = null;
        string? answerSentence = null;
        // Any chosen passage, not only the first: the one that answers is often second to one holding more of the words.
        foreach (var (c, _) in chosen)
        {
            if (best is not null) break;
            if (TypedAnswerOf(c, focus, query) is { } typed)
            {
                best = c;
                answerSentence = typed;
            }
        }
        if (best is null && !question.IsEmpty && await AnswerSentenceAsync(chosen.Select(c => c.Passage), focus, query, question, cancellationToken) is { } answer)
        {
            best = answer.Passage;
            answerSentence = answer.Sentence;
            answerSimilarity = answer.Similarity;
        }
        if (best is null) return Refused(reason);
        // "Which hotel hosted the talks?" is not answered by a passage that names the palace that did: the kind of
        // thing asked for must be held like a name, unless it is a kind any name can be ("which country", "which member").
        if (AskedKind(query.Question, analyzer) is { } kindWord)
        {
            var kind = focus.Corrections.TryGetValue(kindWord, out var corrected) ? corrected : analyzer.Term(kindWord);
            bool unknownKind = focus.Unknown.Contains(kindWord, StringComparer.OrdinalIgnoreCase);
            if (unknownKind || kind is not null && focus.Terms.Any(f => f.Term == kind) && chosen.All(c => c.Passage.Window.Factor(kind) == 0))
            {
                return Refused($"no passage mentions the {kindWord.ToLowerInvariant()} asked for");
            }
        }
        var passages = chosen.Select(c => c.Passage).ToList();
        if ((NotGiven(best, focus, query) ?? Predates(best, query) ?? MissingDeed(best, focus, query) ?? MissingAuthor(passages, query) ?? MissingKindName(passages, query) ?? MissingAnswer(passages, focus, query, reworded: answerSimilarity is not null) ?? MissingSpeaker(passages, focus, query) ?? MissingYear(passages, focus, query)) is { } missing)
        {
            return Refused(missing);
        }
        var held = best.Window.HeldTerms(focus);
        return (new Grounding(true, null, held.ToList(), focus.Terms.Select(f => f.Term).Where(t => !held.Contains(t)).ToList(), focus.Unknown, focus.Corrections, best.Vector ?? bestSimilarity), answerSentence, answerSimilarity);
    }

    /// <summary>
    /// Other spellings of a name in the index: the same first and last letters, one edit away (two from eight letters on),
    /// at most <see cref="MaxNameVariants"/>, most used first ("Aleksander" is "Alexander"; "Christmas" is not
    /// "Christiane", nor "Zelensky" "Zelenska"). Short names are left alone ("Iran" is not "Iraq").
    /// </summary>
    private static IEnumerable<string> NameVariants(string name, IReadOnlyDictionary<string, long> vocabulary)
    {
        int maxDistance = name.Length >= 8 ? 2 : 1;
        var near = vocabulary.Where(v => v.Key.Length >= name.Length - maxDistance && v.Key.Length <= name.Length + maxDistance
                && SameInitial(v.Key[0], name[0]) && v.Key[^1] == name[^1] && v.Key != name
                && SpellingCorrector.Distance(name, v.Key, maxDistance) <= maxDistance)
            .OrderByDescending(v => v.Value).Select(v => v.Key);
        var sound = NameSound.Of(name);
        // Cheap tests first: a spelling of the name is about as long and ends alike; only those are sounded out.
        var soundsAlike = sound.Length < MinNameSoundLength ? [] : vocabulary
            .Where(v => v.Key != name && v.Key.Length >= MinNameVariantLength && Math.Abs(v.Key.Length - name.Length) <= MaxNameSoundLengthGap
                && NameSound.SameEnding(v.Key, name) && NameSound.Of(v.Key) == sound)
            .OrderByDescending(v => v.Value).Select(v => v.Key);
        return near.Concat(soundsAlike).Distinct().Take(MaxNameVariants);
    }

    private const int MinNameSoundLength = 4;
    private const int MaxNameSoundLengthGap = 3;

    // "Viktor" is "Wiktor" in a Polish report, "Volodymyr" "Wolodymyr": V and W stand for one sound across transliterations.
    private static bool SameInitial(char a, char b) => a == b || a is 'v' or 'w' && b is 'v' or 'w';

    /// <summary>
    /// Names the question uses to describe the person it asks about or to say who tells it, which the answering passage
    /// need not hold:
    /// - whose adviser a named person is: "Zelensky's adviser Mykhailo Podolyak", "Carnegie's Alexandra Prokopenko" (a
    ///   report says "presidential adviser Mykhailo Podolyak");
    /// - a person named only in the "according to" clause, often the byline: "according to historian Timothy Snyder",
    ///   "according to Diane Francis" — not "according to CSIS" or "the Greek Catholic leader", which name what the
    ///   passage says.
    /// Only a name written nowhere else in the question.
    /// </summary>
    private static HashSet<string> DescribingNames(QueryAnalysis query, HashSet<string> places, Dictionary<int, string> termOf, HashSet<string> attribution)
    {
        var described = new HashSet<string>(StringComparer.Ordinal);
        bool Once(string term) => query.Words.Count(w => termOf.GetValueOrDefault(w.Index) == term) == 1;
        foreach (var run in PersonNameRuns(query.Words, places, termOf))
        {
            int first = run[0].Index;
            var owner = query.Words.Take(first).LastOrDefault(w => w.Possessive && w.Capitalized);
            bool owns = owner is not null && first - owner.Index <= 4 && !query.Words.Skip(owner.Index + 1).Take(first - owner.Index - 1).Any(w => w.Capitalized);
            if (owns && termOf.TryGetValue(owner!.Index, out var ownerTerm) && !places.Contains(ownerTerm) && Once(ownerTerm)) described.Add(ownerTerm);
            if (run.All(w => attribution.Contains(w.Token)))
            {
                foreach (var word in run)
                {
                    var told = termOf[word.Index];
                    if (query.Words.Where(w => termOf.GetValueOrDefault(w.Index) == told).All(w => attribution.Contains(w.Token))) described.Add(told);
                }
            }
        }
        return described;
    }

    /// <summary>Two or three capitalised words in a row that look like a person's name: no place, organisation word or acronym.</summary>
    private static IEnumerable<List<QuestionWord>> PersonNameRuns(IReadOnlyList<QuestionWord> words, HashSet<string> places, Dictionary<int, string> termOf)
    {
        bool PersonWord(QuestionWord w) => w.Capitalized && termOf.TryGetValue(w.Index, out var t) && !places.Contains(t)
            && !OrganisationWords.Contains(w.Token) && w.Token.Any(char.IsLower);
        for (int i = 0; i < words.Count; i++)
        {
            if (!PersonWord(words[i]) || i > 0 && words[i - 1].NextAdjacent && PersonWord(words[i - 1])) continue;
            var run = new List<QuestionWord> { words[i] };
            while (run.Count < 4 && run[^1].NextAdjacent && run[^1].Index + 1 < words.Count && PersonWord(words[run[^1].Index + 1])) run.Add(words[run[^1].Index + 1]);
            if (run.Count is 2 or 3) yield return run;
        }
    }

    /// <summary>The words of the question's "according to …" clause (to the next comma or the end) and nowhere else in it.</summary>
    private static HashSet<string> AttributionWords(string question)
    {
        // "In that Atlantic Council essay…", "Timothy Snyder's CNN op-ed says…": the kind of piece is where the reader
        // read it, which the piece rarely says of itself — unless its writer is asked, whose byline says it ("Op-ed by…").
        var result = AnswerCandidates.AsksAuthor(question) ? new HashSet<string>(StringComparer.Ordinal)
            : TextAnalyzer.Tokenize(question).Where(PieceWords.Contains).ToHashSet(StringComparer.Ordinal);
        int at = question.IndexOf("according to ", StringComparison.OrdinalIgnoreCase);
        if (at < 0) return result;
        int end = question.IndexOfAny([',', '?', ';'], at);
        if (end < 0) end = question.Length;
        var clause = TextAnalyzer.Tokenize(question[at..end]).ToHashSet(StringComparer.Ordinal);
        var rest = TextAnalyzer.Tokenize(question[..at] + " " + question[end..]).ToHashSet(StringComparer.Ordinal);
        result.UnionWith(clause.Where(w => !rest.Contains(w)));
        return result;
    }

    /// <summary>
    /// The names the question gives as a piece's writers, right before the kind of piece and where it ran: "Sweet",
    /// "Toth" in "the Sweet and Toth Kyiv Post piece", "Moran", "Pompeo" in "Moran and Pompeo's July 2023 Fox op-ed".
    /// Empty when the question asks who wrote it.
    /// </summary>
    internal static HashSet<string> PieceAuthors(string question)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        if (AnswerCandidates.AsksAuthor(question)) return result;
        foreach (System.Text.RegularExpressions.Match m in PieceByPattern().Matches(question))
        {
            foreach (System.Text.RegularExpressions.Capture c in m.Groups["author"].Captures) result.Add(c.Value);
        }
        return result;
    }

    // Capitalised names joined by "and" or commas up to a possessive, then only capitalised words or figures (the
    // outlet, the month) up to the kind of piece. Where no possessive ends them, the outlet is taken among the names
    // ("Kyiv Post"), which is no name a passage must hold either.
    [System.Text.RegularExpressions.GeneratedRegex(@"(?<![\p{L}'’-])(?<author>\p{Lu}[\p{Ll}-]+)(?:(?:\s*,\s*|\s+and\s+|\s+)(?<author>\p{Lu}[\p{Ll}-]+))*(?:'s|’s)?\s+(?:[\p{Lu}\d][\p{L}\d'’.-]*\s+){0,4}?(?:op-?ed|piece|essay|column|commentary|newsletter|blog|article|analysis)s?\b")]
    private static partial System.Text.RegularExpressions.Regex PieceByPattern();

    private static readonly HashSet<string> AskedForWords = new(StringComparer.Ordinal) { "nickname", "nicknames", "moniker", "monikers" };

    private static readonly HashSet<string> PieceWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "op", "ed", "essay", "piece", "column", "commentary", "editorial", "newsletter", "blog", "explainer", "op-ed",
    };

    private async Task<QuestionFocus> BuildFocusAsync(QueryAnalysis query, CancellationToken cancellationToken)
    {
        var lookup = query.Terms.Concat(query.Paraphrases.SelectMany(p => p.Alternatives.Prepend(p.Term))).Distinct().ToList();
        var stats = await index.GetTermStatisticsAsync(lookup, cancellationToken);
        var df = new Dictionary<string, long>(stats.DocumentFrequency, StringComparer.Ordinal);
        double n = Math.Max(1, stats.TotalPassages);
        double Idf(long d) => Math.Log(1 + (n - d + 0.5) / (d + 0.5));

        // "…, according to BelTA?", "in the New York Post": the outlet a reader names is who tells it; the report rarely
        // names itself, so it is no name a passage must hold, weighs like an "according to" clause, and an index that
        // has never seen it is no evidence against the question.
        var outlets = new HashSet<string>(query.OutletTerms.SelectMany(p => p), StringComparer.Ordinal);
        var attribution = AttributionWords(query.Question);
        bool byline = attribution.Count > 0 && BylinedPiece().IsMatch(query.Question);
        var authors = PieceAuthors(query.Question);
        var corrections = new Dictionary<string, string>(StringComparer.Ordinal);
        var unknown = new List<string>();
        var unknownNames = new List<string>();
        var termOf = new Dictionary<int, string>();
        IReadOnlyDictionary<string, long>? vocabulary = null;
        foreach (var word in query.Words)
        {
            if (df.GetValueOrDefault(word.Term) > 0)
            {
                termOf[word.Index] = word.Term;
                continue;
            }
            // A word the articles never use but whose paraphrase they do ("kids" for "children") stands for
            // that paraphrase before spelling correction gets a chance to turn it into a look-alike ("aid").
            // ParaphraseWeight = 0 turns the paraphrase table off, this use of it included.
            var synonym = options.ParaphraseWeight <= 0 ? null : query.Paraphrases.Where(p => !p.FromPhrase && p.Term == word.Term).SelectMany(p => p.Alternatives)
                .Where(a => df.GetValueOrDefault(a) > 0).OrderByDescending(a => df[a]).FirstOrDefault();
            if (synonym is not null)
            {
                termOf[word.Index] = synonym;
                continue;
            }
            // …nor is the author of a piece the question credits ("according to the Moran-Pompeo op-ed"): a scraped
            // report often lacks its byline. A source named bare ("according to Halvorsen") still has to be known.
            if (outlets.Contains(word.Term) || byline && attribution.Contains(word.Token) || authors.Contains(word.Token)) continue;
            var lower = word.Token.ToLowerInvariant();
            // A word in another script (a question in Ukrainian over English articles) is left to the embeddings.
            if (!lower.Any(char.IsAsciiLetter)) continue;
            if (!word.Capitalized && _corrector.IsMisspeltStopWord(lower)) continue;
            // "What nickname have diplomats given them?": the word names what is asked for, which a report gives
            // ("called “rats in a box”") without calling it so.
            if (!word.Capitalized && AskedForWords.Contains(lower)) continue;
            if (stats.TotalPassages > 0)
            {
                vocabulary ??= await index.GetVocabularyAsync(cancellationToken);
                // A name the index has only in another spelling ("Aleksander" for "Alexander") is that name.
                var corrected = _corrector.Correct(lower, vocabulary, strict: word.Capitalized)
                    ?? (word.Capitalized && word.Term.Length >= MinNameVariantLength ? NameVariants(word.Term, vocabulary).FirstOrDefault() : null);
                if (corrected is not null)
                {
                    corrections[word.Token] = corrected;
                    df[corrected] = vocabulary[corrected];
                    termOf[word.Index] = corrected;
                    continue;
                }
            }
            // A title the articles don't use ("Ayatollah Khamenei" where reports say "Iran's supreme leader Ali Khamenei")
            // is no evidence that they don't cover the person.
            if (PersonTitles.Contains(word.Token)) continue;
            if (!unknown.Contains(word.Token)) unknown.Add(word.Token);
            if (word.Capitalized && !unknownNames.Contains(word.Token)) unknownNames.Add(word.Token);
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in query.Words)
        {
            if (word.Capitalized && termOf.TryGetValue(word.Index, out var t)) names.Add(t);
        }
        var places = new HashSet<string>(query.PlaceTerms.SelectMany(p => p), StringComparer.Ordinal);
        names.UnionWith(places.Where(p => df.GetValueOrDefault(p) > 0));
        names.ExceptWith(outlets);
        // "the Russia-Ukraine war", "the war in Ukraine": the countries that name the war are what every report is about,
        // no names a passage must hold beside the answer (a report says "the war").
        // Only a name the question says nowhere else: "the Granvik Institute's essay on the war in Granvik" names the institute.
        var warNamers = WarNamers().Matches(query.Question).SelectMany(m => m.Groups["name"].Captures).Select(c => analyzer.Term(c.Value)).OfType<string>().ToList();
        names.ExceptWith(warNamers.Where(t => query.Words.Count(w => termOf.GetValueOrDefault(w.Index) == t) <= warNamers.Count(n => n == t)));

        var attributionTerms = new HashSet<string>(StringComparer.Ordinal);
        names.ExceptWith(DescribingNames(query, places, termOf, attribution));
        // "In the Sweet and Toth Kyiv Post piece…": who wrote it, which a scraped report rarely keeps, is no name its passages must hold.
        names.ExceptWith(query.Words.Where(w => authors.Contains(w.Token) && termOf.ContainsKey(w.Index) && !places.Contains(termOf[w.Index])
            && query.Words.Count(o => termOf.GetValueOrDefault(o.Index) == termOf[w.Index]) == 1).Select(w => termOf[w.Index]));
        var terms = new List<FocusTerm>();
        // A follow-up's own words say what it asks; the question it follows on from only what it is about ("and which
        // city was that meeting in?" is answered by where they met, not by more of what Khamenei told Putin).
        var context = ContextOf(query.Question);
        foreach (var (at, term) in termOf.OrderBy(kv => kv.Key))
        {
            if (terms.Any(f => f.Term == term)) continue;
            double weight = Idf(df[term]);
            if (places.Contains(term)) weight = Math.Max(weight, options.PlaceMinWeight);
            if (context.Contains(term)) weight *= ContextShare;
            var word = query.Words[at];
            // "…, according to AFP's first-anniversary timeline?": who tells it is not what is told; the report rarely repeats it.
            if (!names.Contains(term) && (attribution.Contains(word.Token) || outlets.Contains(term)))
            {
                weight *= AttributionShare;
                attributionTerms.Add(term);
            }
            var alternatives = query.Paraphrases.Where(p => !p.FromPhrase && p.Term == word.Term).SelectMany(p => p.Alternatives)
                .Where(a => a != term && df.GetValueOrDefault(a) > 0).Distinct().ToList();
            if (names.Contains(term) && !places.Contains(term) && term.Length >= MinNameVariantLength && df[term] <= MaxPassagesOfVariedName && stats.TotalPassages > 0)
            {
                // A name is transliterated more ways than name-variants.txt lists: "Aleksander" is "Alexander" in another
                // report. Only a rare spelling: a name the index holds often is written that way ("Zelensky" is not "Zelenska").
                vocabulary ??= await index.GetVocabularyAsync(cancellationToken);
                foreach (var variant in NameVariants(term, vocabulary).Where(v => !alternatives.Contains(v)))
                {
                    alternatives.Add(variant);
                    df[variant] = vocabulary[variant];
                }
            }
            terms.Add(new FocusTerm(term, weight, names.Contains(term), alternatives, corrections.ContainsKey(word.Token) ? word.Token : null)
            {
                // Only a specific place: "in Ukraine" is the setting of nearly every article, so it says nothing.
                IsSetting = names.Contains(term) && df[term] / n <= options.CommonTermShare && TextAnalyzer.IsSettingIn(query.Question, word.Token),
                AlternativeWeights = alternatives.ToDictionary(a => a, a => Idf(df[a]), StringComparer.Ordinal),
            });
        }
        // "at the Abu Dhabi talks": every word of a place named as the setting is the setting.
        foreach (var place in query.PlaceTerms.Where(p => p.Count > 1))
        {
            if (!terms.Any(f => f.IsSetting && place.Contains(f.Term))) continue;
            for (int t = 0; t < terms.Count; t++)
            {
                if (place.Contains(terms[t].Term) && terms[t].IsName) terms[t] = terms[t] with { IsSetting = true };
            }
        }
        foreach (var phrase in query.Paraphrases.Where(p => p.FromPhrase && options.ParaphraseWeight > 0))
        {
            var present = phrase.Alternatives.Prepend(phrase.Term).Where(a => df.GetValueOrDefault(a) > 0 && terms.All(f => f.Term != a)).ToList();
            if (present.Count == 0) continue;
            double weight = present.Max(a => Idf(df[a])) * options.ParaphraseWeight;
            terms.Add(new FocusTerm(present[0], weight, false, present.Skip(1).ToList()) { FromParaphrase = true });
        }

        var phrases = new List<FocusPhrase>();
        var words = query.Words;
        for (int i = 0; i + 1 < words.Count; i++)
        {
            if (!termOf.TryGetValue(i, out var first) || !termOf.TryGetValue(i + 1, out var second) || first == second) continue;
            // "US-Russia treaty", "Ukraine-Russia talks": two places joined are two names, each held on its own.
            if (words[i].HyphenNext && places.Contains(first) && places.Contains(second)) continue;
            // "the Biden-Putin call", "the Moran-Pompeo op-ed": two names joined are two people, whom a report names apart
            // ("Biden and Putin"), each held on its own.
            if (words[i].HyphenNext && words[i].Capitalized && words[i + 1].Capitalized) continue;
            if (words[i].HyphenNext) phrases.Add(new FocusPhrase([first, second], words[i].Capitalized || words[i + 1].Capitalized, 1));
            // "the Allied WWII cemeteries": a short form is a name of its own, which a report writes out ("the allied
            // cemeteries from the second world war"), so it makes no phrase with the word before or after it.
            // Nor a place after a name ("the Atlantic Council Russia report"): the place is named on its own.
            else if (words[i].Capitalized && words[i + 1].Capitalized && words[i].NextAdjacent && !places.Contains(first) && !places.Contains(second) && !outlets.Contains(first) && !outlets.Contains(second)
                && !IsShortForm(words[i].Token) && !IsShortForm(words[i + 1].Token))
            {
                phrases.Add(new FocusPhrase([first, second], names.Contains(first) || names.Contains(second), 1));
            }
            else if (words[i].Possessive) phrases.Add(new FocusPhrase([first, second], false, 3));
            // "the mayor of Odesa" is "Odesa's mayor": a role and its possessor, held together in either order.
            else if (!words[i].Capitalized && words[i + 1].Capitalized && places.Contains(second) && RoleOf(query.Question, words[i].Token, words[i + 1].Token))
            {
                phrases.Add(new FocusPhrase([second, first], false, 3));
            }
        }
        foreach (var place in query.PlaceTerms.Where(p => p.Count > 1 && p.All(t => df.GetValueOrDefault(t) > 0)))
        {
            phrases.Add(new FocusPhrase(place, true, 1));
        }

        // The rarest word typed (not a paraphrase, a name, who tells it, nor the kind of answer asked: "on what date"): a
        // passage that grounds the answer holds it.
        var specific = terms.Where(f => !f.IsName && !f.FromParaphrase && !attributionTerms.Contains(f.Term) && !_kindTerms.Contains(f.Term))
            .OrderByDescending(f => f.Weight).FirstOrDefault();
        if (specific is not null && terms.Count(f => !f.FromParaphrase) < 2) specific = null;
        // Not for a name the index knows only as a correction ("Dalai Lama" read as "Delai Hamas"): that is no surname.
        var given = PersonNameRuns(query.Words, places, termOf).Where(run => run.All(w => !corrections.ContainsKey(w.Token)))
            .SelectMany(run => run.Take(run.Count - 1)).Select(w => termOf[w.Index]).ToHashSet(StringComparer.Ordinal);
        return new QuestionFocus(terms, phrases, unknown, unknownNames, corrections, specific)
        {
            Statistics = new TermStatistics(stats.TotalPassages, df),
            GivenNames = given,
            QuotedTerms = QuestionQuotes.Of(query.Question).Select(q => (IReadOnlyList<string>)analyzer.Terms(q)).Where(t => t.Count > 0).ToList(),
        };
    }

    /// <summary>
    /// Tiered bm25: passages holding every focus term first (an intersection is cheap to score and is what answers
    /// best), then every term but the most common ones; only when those are too few, passages holding any of the
    /// rarest selective terms and their paraphrases. Terms in
    /// most passages ("russia", "ukraine") barely rank anything and make an OR query score nearly the whole index.
    /// </summary>
    private async Task<IReadOnlyList<PassageHit>> TextSearchAsync(QuestionFocus focus, CancellationToken cancellationToken)
    {
        var own = focus.Terms.Where(f => !f.FromParaphrase).Select(f => f.Term).ToList();
        var any = focus.Terms.SelectMany(f => f.Alternatives.Prepend(f.Term)).Distinct().ToList();
        // The focus was built from these statistics (corrected terms included): no second round trip.
        var stats = focus.Statistics;
        if (stats.TotalPassages < options.TieredSearchFromPassages)
        {
            return await index.SearchAsync(any, options.Candidates, requireAll: false, cancellationToken);
        }
        var hits = new List<PassageHit>();
        var seen = new HashSet<long>();
        // Each tier adds what the ones before it didn't find, up to the candidates read.
        void Add(IEnumerable<PassageHit> found)
        {
            foreach (var hit in found)
            {
                if (hits.Count < options.Candidates && seen.Add(hit.PassageId)) hits.Add(hit);
            }
        }
        // Every term, then all but the most common, and so on down to the two rarest: an intersection stays cheap to
        // score at any index size, where an OR of a few common words scores thousands of passages (~20 ms at 40,000).
        var byRarity = own.OrderBy(t => stats.DocumentFrequency.GetValueOrDefault(t)).ToList();
        for (int keep = byRarity.Count; keep >= 2; keep--)
        {
            Add(await index.SearchAsync(byRarity.Take(keep).ToList(), options.Candidates, requireAll: true, cancellationToken));
            if (hits.Count >= options.MinAllTermsHits) return hits;
        }
        double n = Math.Max(1, stats.TotalPassages);
        var selective = any.Where(t => stats.DocumentFrequency.GetValueOrDefault(t) / n <= options.CommonTermShare)
            .OrderBy(t => stats.DocumentFrequency.GetValueOrDefault(t)).Take(MaxAnyTerms).ToList();
        Add(await index.SearchAsync(selective.Count > 0 ? selective : any, options.Candidates, requireAll: false, cancellationToken));
        return hits;
    }

    /// <summary>
    /// For one end of a comparison across years: the passages that hold the year with the most of the topic come first.
    /// A ranking by the whole focus buries "In 2022, there were five rounds of talks" under passages that repeat the
    /// topic's words and name the year in passing.
    /// </summary>
    private async Task<IReadOnlyList<PassageHit>> WithPeriodAsync(IReadOnlyList<PassageHit> hits, QuestionFocus focus, int year, CancellationToken cancellationToken)
    {
        var y = year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!focus.Terms.Any(f => f.Term == y)) return hits;
        var stats = focus.Statistics;
        var topic = focus.Terms.Where(f => !f.FromParaphrase && f.Term != y).Select(f => f.Term)
            .OrderBy(t => stats.DocumentFrequency.GetValueOrDefault(t)).ToList();
        var found = new List<PassageHit>();
        var seen = new HashSet<long>();
        for (int keep = topic.Count; keep >= 1 && found.Count < options.MinAllTermsHits; keep--)
        {
            foreach (var hit in await index.SearchAsync([y, .. topic.Take(keep)], options.Candidates, requireAll: true, cancellationToken))
            {
                if (seen.Add(hit.PassageId)) found.Add(hit);
            }
        }
        foreach (var hit in hits)
        {
            if (seen.Add(hit.PassageId)) found.Add(hit);
        }
        return found;
    }

    private double Coverage(QuestionFocus focus, FocusHold held)
    {
        double total = focus.TotalWeight;
        if (total <= 0) return 0;
        double sum = 0;
        foreach (var f in focus.Terms) sum += f.Weight * held.Factor(f.Term);
        return sum / total;
    }

    /// <summary>
    /// True when one sentence, or two adjacent ones, of the passage window hold every name and the share of the focus:
    /// a passage that mentions Japan in one place and an ambassador of Ukraine in another doesn't say who Ukraine's
    /// ambassador to Japan is. A person named elsewhere in the window counts (the sentences say "he").
    /// </summary>
    /// <param name="roleOf">
    /// "Who is Ukraine's ambassador to Canada?": the role belongs to its possessor, so the sentences must say
    /// "Ukraine's ambassador" (or "the ambassador of Ukraine"), not mention an ambassador and Ukraine apart.
    /// </param>
    private bool SentencesHold(Candidate c, QuestionFocus focus, double share, bool roleOf = false, IReadOnlySet<string>? scene = null)
    {
        var sentences = c.WindowSentences().Select(analyzer.Terms).ToList();
        var settings = WindowSettings(c, focus);
        // The scene a clause sets ("…, as the second Abu Dhabi round wrapped up on 5 Feb 2026?") is told where the report
        // tells it, rarely beside the answer: the window holding it will do, and for its names, the report.
        if (scene is not null) settings.AddRange(scene.Where(t => c.Window.Factor(t) > 0 || c.NamesHeld && focus.Terms.Any(f => f.IsName && f.Term == t)));
        for (int i = 0; i < sentences.Count; i++)
        {
            List<string> terms = i + 1 < sentences.Count ? [.. sentences[i], .. sentences[i + 1], .. settings] : [.. sentences[i], .. settings];
            var held = Held(focus, terms);
            // The role's words are held together; a phrase of the scene ("in the fourth-anniversary explainer") is the
            // report's, not the role's.
            if (roleOf && focus.Phrases.Any(p => !p.IsName && !held.HasPhrase(p) && !p.Terms.All(t => scene?.Contains(t) == true || settings.Contains(t)))) continue;
            if (NamesHeld(focus, held) && Coverage(focus, held) >= share) return true;
        }
        return false;
    }

    /// <summary>
    /// The focus terms of the clauses that set the question's scene rather than ask it: "…, as the second Abu Dhabi
    /// round wrapped up on 5 Feb 2026?", "…, while the Abu Dhabi round was going on?", "…, the day the round opened?",
    /// "…right when China put out its 12-point plan?" — its places and dates too ("Abu Dhabi" is where the round was, not
    /// where the answer must be told).
    /// </summary>
    private HashSet<string> SceneTerms(QueryAnalysis query, QuestionFocus focus)
    {
        var scene = SceneClauses(query.Question).SelectMany(analyzer.Terms).ToHashSet(StringComparer.Ordinal);
        return focus.Terms.Select(f => f.Term).Where(scene.Contains).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The focus terms of a sentence told before the question that the question does not also ask with.</summary>
    private HashSet<string> ToldBeforeTerms(QueryAnalysis query, QuestionFocus focus)
    {
        var own = Conversations.FollowUpRewriter.SplitContext(query.Question).Own;
        if (SceneClause().Match(own) is not { Success: true, Index: 0 } told) return [];
        var toldTerms = analyzer.Terms(told.Groups["clause"].Value).ToHashSet(StringComparer.Ordinal);
        var scene = focus.Terms.Select(f => f.Term).Where(toldTerms.Contains).ToHashSet(StringComparer.Ordinal);
        scene.ExceptWith(analyzer.Terms(own[(told.Index + told.Length)..]));
        return scene;
    }

    /// <summary>The clauses that set a question's scene (<see cref="SceneTerms"/>), in its own words, not a follow-up's context.</summary>
    internal static IEnumerable<string> SceneClauses(string question) =>
        SceneClause().Matches(Conversations.FollowUpRewriter.SplitContext(question).Own).Select(m => m.Groups["clause"].Value.Trim());

    // A clause after a comma or a dash, opened by "as", "while", "when", "during", "the day", "right/just when/as"; or
    // one naming the report the reader has in mind ("…, according to gazeta.pl's piece on Modi telling Putin…", "per
    // the CSIS brief on Russia's grinding war", "…called the war 'a slow drag-out' in the fourth-anniversary explainer?"):
    // its words are the report's, told in its title, lead or anywhere in it.
    // So does a sentence told before the question ("ISW said in early Feb 2026 that Russia wants to push on to Slovyansk
    // after taking Lyman. How many kilometres is it from Lyman to Slovyansk?").
    [System.Text.RegularExpressions.GeneratedRegex(@"^(?<clause>[^?]{10,240}?[.!])\s+(?=(?:roughly\s+|about\s+|so\s+|and\s+)?(?:how|when|where|who|whose|what|which|why|(?:in|on|at|for|by)\s+(?:what|which))\b)|(?:,|\s[-–—])\s*(?:right\s+|just\s+)?(?:as|while|when|during|the\s+day|on\s+the\s+day)\s+(?<clause>[^,?;]+)|(?:,|\s[-–—]|\()\s*(?:according\s+to|per|going\s+by|in)\s+(?<clause>[^,?;()]*?\b(?:piece|article|report|story|op-?ed|interview|analysis|brief|explainer|column|editorial|newsletter|podcast|blog|post)\b[^,?;()]*)|\s(?:in|from)\s+(?<clause>(?:the|that|this|its|their|his|her)\s+[^,?;()]{0,80}?\b(?:piece|article|op-?ed|interview|analysis|brief|explainer|column|editorial|newsletter|podcast|blog|post)\b)\s*\?*\s*$", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex SceneClause();

    /// <summary>
    /// What every sentence of a window holds without writing it: the setting ("in Geneva") when the window holds it, and
    /// the article's outlet and date. So does a person the window names: a report names Lukashenko once and goes on with
    /// "he said"; a country is no such stand-in ("Russia's taxes" told apart from a mention of Ukraine answer nothing
    /// about Ukraine's).
    /// </summary>
    private List<string> WindowSettings(Candidate c, QuestionFocus focus) =>
        focus.Terms.Where(f => (f.IsSetting || f.IsName && !analyzer.IsPlace(f.Term)) && c.Window.Factor(f.Term) > 0)
            .Select(f => f.Term).Concat(ArticleTerms(c.Hit.Article, focus)).ToList();

    /// <summary>
    /// "How much will the UK's record package cost?" is not answered by the report saying "It is unclear how much this
    /// will cost", whatever other figure it gives: a sentence of the passage that grounds the answer saying the fact of
    /// the asked kind was not given (<see cref="UnreportedFact"/>), which with the sentence before it holds the
    /// question's focus, says the articles don't know it; so does a who-question's person the report leaves unnamed ("A
    /// Moscow business executive also told the Post…"). Another report saying so is no such evidence: a later one may
    /// give the date an earlier one didn't. Null when none does.
    /// </summary>
    private string? NotGiven(Candidate best, QuestionFocus focus, QueryAnalysis query)
    {
        if (query.Type == QuestionType.Statement) return null;
        // Not every person the window names: "…Macron, Scholz and Draghi… However, it was not given what episodes were
        // about" is a second story of the same report, and the names of the first don't make it speak of them.
        var settings = focus.Terms.Where(f => f.IsSetting && best.Window.Factor(f.Term) > 0).Select(f => f.Term)
            .Concat(ArticleTerms(best.Hit.Article, focus)).ToList();
        // "Who was the Moscow business executive who told the Post…?" — "A Moscow business executive also told the Post…".
        var described = query.Type == QuestionType.Person ? UnreportedFact.DescribedPerson(query.Question) : null;
        var asked = analyzer.Terms(Conversations.FollowUpRewriter.SplitContext(query.Question).Own).ToHashSet(StringComparer.Ordinal);
        foreach (var text in best.WindowTexts())
        {
            var sentences = Articles.SentenceSplitter.Split(text).ToList();
            for (int i = 0; i < sentences.Count; i++)
            {
                bool unnamed = described is not null && UnreportedFact.LeavesUnnamed(sentences[i], described);
                // "How many were wounded?" — "…55,000 were killed, but gave no details on the number of wounded
                // soldiers": its first word tells what is withheld from what is given ("soldiers" are both).
                bool withheld = query.Type == QuestionType.Quantity && UnreportedFact.WithheldCount(sentences[i]) is { } what
                    && analyzer.Terms(what).FirstOrDefault() is { } first && asked.Contains(first);
                if (!unnamed && !withheld && !UnreportedFact.KindsIn(sentences[i]).Contains(query.Type)) continue;
                List<string> terms = [.. analyzer.Terms(sentences[i]), .. i > 0 ? analyzer.Terms(sentences[i - 1]) : [], .. settings];
                if (Coverage(focus, Held(focus, terms)) < NotGivenShare) continue;
                return unnamed ? $"the report doesn't name the {described}: \u201c{sentences[i]}\u201d" : $"the report says it isn't known: \u201c{sentences[i]}\u201d";
            }
        }
        return null;
    }

    /// <summary>
    /// "Who replaced Zaluzhnyi as commander-in-chief?" asks who did something: a passage naming Zaluzhnyi as
    /// commander-in-chief among other officials, with nothing replaced, names nobody who did it. The verb right after
    /// "who" (or a paraphrase of it) must be held by the passage that grounds the answer. Null when it is, or the
    /// question asks no one by a deed ("who is…", "who did…").
    /// </summary>
    private string? MissingDeed(Candidate best, QuestionFocus focus, QueryAnalysis query)
    {
        if (query.Type != QuestionType.Person) return null;
        var m = DeedAsked().Match(Conversations.FollowUpRewriter.SplitContext(query.Question).Own);
        if (!m.Success) return null;
        var word = m.Groups["verb"].Value.ToLowerInvariant();
        // Not "who wrote…": a report credits its writer with "a piece by Simon Jenkins", rarely with the verb.
        if (!(word.EndsWith("ed", StringComparison.Ordinal) || IrregularPast.Contains(word)) || word == "wrote" || analyzer.Term(word) is not { } verb) return null;
        // A verb no article uses tells no one's deed either.
        bool unknown = focus.Unknown.Contains(m.Groups["verb"].Value, StringComparer.OrdinalIgnoreCase);
        if (!unknown && (focus.Terms.All(f => f.Term != verb) || best.Window.Factor(verb) > 0)) return null;
        return $"no passage tells who {word} it";
    }

    /// <summary>
    /// "What did the Council of Europe decide when it discussed the tribunal on 13 September 2022?" is not answered by a
    /// report from before that day ("The Council of Europe is due to discuss it on 13 September"): it can tell what was
    /// planned, not what happened. A month named with its year bounds it too: a report of July 2022 can't count the
    /// votes of February 2023. Null when the report is from then or later, or the question names no such time.
    /// </summary>
    private static string? Predates(Candidate best, QueryAnalysis query) =>
        QuestionDates.Of(query.Question).HappenedFrom is { } day && best.Hit.Article.Published is { } published && published < day
            ? FormattableString.Invariant($"the report is from {published:d MMM yyyy}, before {day:d MMM yyyy}, when what the question asks about can first have happened")
            : null;

    /// <summary>
    /// The terms a follow-up carries only in the previous question it is written with, in parentheses at its end
    /// (<see cref="Conversations.FollowUpRewriter"/>): "where was he when he said it? (Which German minister warned …?)".
    /// </summary>
    private HashSet<string> ContextOf(string question)
    {
        var (ownWords, context) = Conversations.FollowUpRewriter.SplitContext(question);
        if (context is null) return new HashSet<string>(StringComparer.Ordinal);
        var own = analyzer.Terms(ownWords).ToHashSet(StringComparer.Ordinal);
        return analyzer.Terms(context).Where(t => !own.Contains(t)).ToHashSet(StringComparer.Ordinal);
    }

    private static bool NamesHeld(QuestionFocus focus, FocusHold held) => !MissingNames(focus, held).Any();

    /// <summary>The names a passage lacks; a first name (and the full name) not, where it holds the surname.</summary>
    private static IEnumerable<string> MissingNames(QuestionFocus focus, FocusHold held) =>
        focus.Terms.Where(f => f.IsName && held.Factor(f.Term) == 0 && !focus.GivenNames.Contains(f.Term)).Select(f => f.Term)
            .Concat(focus.Phrases.Where(p => p.IsName && !held.HasPhrase(p) && !p.Terms.Any(focus.GivenNames.Contains)).Select(p => string.Join(' ', p.Terms)));

    /// <summary>What a passage holds, its phrases found within one sentence ("…as its chief negotiator. Ukraine's team…" holds no "Ukraine's chief").</summary>
    private FocusHold HeldIn(QuestionFocus focus, PassageHit hit)
    {
        var about = ArticleTerms(hit.Article, focus);
        if (focus.Phrases.Count == 0) return Held(focus, [.. analyzer.Terms(hit.Text), .. about]);
        var sentences = Articles.SentenceSplitter.Split(hit.Text).Select(analyzer.Terms).Append(about).ToList();
        return Held(focus, sentences.SelectMany(t => t).ToList(), sentences);
    }

    /// <summary>
    /// What every passage of an article says without writing it: its outlet ("What did Zelensky tell the BBC?"), the
    /// month and year it was published ("… pass in April 2024?" — the report says "on Saturday"), and the question's
    /// people its title names: a report headed "Zelensky meets Costa in Brussels" goes on about "the Ukrainian president".
    /// </summary>
    private List<string> ArticleTerms(ArticleInfo article, QuestionFocus focus)
    {
        var text = article.Outlet;
        if (article.Published is { } d) text += $" {TextAnalyzer.MonthNames[d.Month - 1]} {d.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        var terms = analyzer.Terms(text);
        // People only: nearly every title names Ukraine or Russia, and a passage about Russia's taxes is no answer
        // about Ukraine's because its report is headed "the Ukraine war".
        // And a number the title gives, not a year (the year rule reads the passage): "the Lowy Institute's '1461 days of
        // war' piece" names the report by it.
        var names = focus.Terms.Where(f => f.IsName && !analyzer.IsPlace(f.Term) || char.IsDigit(f.Term[0]) && TimelineQuestion.YearOf(f.Term) is null)
            .Select(f => f.Term).ToHashSet(StringComparer.Ordinal);
        if (names.Count > 0 || focus.QuotedTerms.Count > 0)
        {
            var title = analyzer.Terms(article.Title);
            terms.AddRange(title.Where(names.Contains));
            // …and the words of a headline the question quotes ("the Atlantic Council's 'stop underestimating Ukraine' piece").
            foreach (var quoted in focus.QuotedTerms.Where(q => q.All(title.Contains))) terms.AddRange(quoted);
        }
        return terms;
    }

    private FocusHold Held(QuestionFocus focus, List<string> passageTerms, IReadOnlyList<List<string>>? sentences = null)
    {
        var factors = new Dictionary<string, double>(StringComparer.Ordinal);
        var set = new HashSet<string>(passageTerms, StringComparer.Ordinal);
        foreach (var f in focus.Terms)
        {
            double factor = set.Contains(f.Term) ? 1 : f.Alternatives.Any(set.Contains) ? options.ParaphraseWeight : 0;
            if (factor > 0) factors[f.Term] = factor;
        }
        var phrases = new HashSet<FocusPhrase>();
        // A phrase is found in a paraphrase too: "Iranian Foreign Minister" holds "Iran's foreign minister".
        List<string> AsFocus(List<string> terms) => focus.AlternativeOf.Count == 0 ? terms : terms.Select(t => focus.AlternativeOf.GetValueOrDefault(t, t)).ToList();
        foreach (var phrase in focus.Phrases)
        {
            if (sentences is null ? FocusHold.Contains(AsFocus(passageTerms), phrase) : sentences.Any(t => FocusHold.Contains(AsFocus(t), phrase))) phrases.Add(phrase);
            else if (!phrase.IsName)
            {
                // Words of a possessive found apart ("Russia's ambassador" for a question about Ukraine's) count half.
                foreach (var t in phrase.Terms)
                {
                    if (factors.TryGetValue(t, out var v)) factors[t] = Math.Min(v, 0.5);
                }
            }
        }
        return new FocusHold(factors, phrases);
    }

    /// <summary>
    /// A question that asks for a number, a date, a place, a person or a duration is covered only when a sentence of
    /// the chosen passages that hold its names gives one next to the question's words: "How old is Umerov?" is not
    /// answered by every sentence that names Umerov, nor "What is the name of the commander who said …?" by the
    /// sentence that quotes an unnamed commander, nor "How many MPs confirmed Recean?" by a vote in another country's
    /// parliament told in a passage that never names him. Null when such a sentence exists (or the question asks for no such thing).
    /// </summary>
    /// <param name="reworded">The question was grounded by its meaning (<see cref="AnswerSentenceAsync"/>): its words for
    /// what lasted need not be the report's.</param>
    private string? MissingAnswer(IEnumerable<Candidate> chosen, QuestionFocus focus, QueryAnalysis query, bool reworded = false)
    {
        var type = query.Type;
        if (type is QuestionType.Other or QuestionType.Statement or QuestionType.Reason || query.Question.Length == 0) return null;
        if (focus.Terms.All(f => f.IsSetting)) return null;
        if (AnswerSentences(chosen.Where(c => c.NamesHeld), focus, query, reworded: reworded).Any()) return null;
        return type switch
        {
            QuestionType.Quantity => "no passage gives the number asked for",
            QuestionType.Time => "no passage gives the date asked for",
            QuestionType.Place => "no passage gives the place asked for",
            QuestionType.Person => "no passage names the person asked for",
            _ => "no passage gives the length of time asked for",
        };
    }

    /// <summary>
    /// "Who wrote that Kyiv Post op-ed…?" is answered only by a byline, an author's note or a credit ("a piece by Simon
    /// Jenkins") in the chosen passages (<see cref="AnswerCandidates.IsAuthorLine"/>): a name in the piece's story is
    /// someone it is about. Null when one is there, or the question asks for no author.
    /// </summary>
    private static string? MissingAuthor(IEnumerable<Candidate> chosen, QueryAnalysis query)
    {
        if (query.Type != QuestionType.Person || !AnswerCandidates.AsksAuthor(query.Question)) return null;
        bool credited = chosen.SelectMany(c => c.WindowSentences())
            .Any(sentence => AnswerCandidates.IsAuthorLine(sentence, query.Question));
        return credited ? null : "no passage says who wrote it";
    }

    /// <summary>
    /// "Which Italian newspaper did Vučić give the interview to?" is not answered when the passages about the question's
    /// names speak of the kind only without its name: "gave the Italian newspaper an extensive interview" says there was
    /// one, not which. A passage that never says the kind may still name it ("writing in the Daily Telegraph",
    /// "travelled with Samaritan's Purse"), so only the kind said without a name refuses. Only for the kinds a name
    /// answers (a paper, a company, a charity); null otherwise.
    /// </summary>
    private string? MissingKindName(IEnumerable<Candidate> chosen, QueryAnalysis query)
    {
        // Any kind a question asks the name of is named ("What was the name of the tanker…?"); a person is left to the
        // who-question's own checks.
        bool nameAsked = query.Type == QuestionType.Other && (NameOfKind().IsMatch(query.Question) || CalledKind().IsMatch(query.Question));
        if (NamedKind(query.Question, analyzer) is not { } kind || !(NamedKinds.Contains(kind) || nameAsked) || analyzer.Term(kind) is not { } kindTerm) return null;
        var sentences = chosen.Where(c => c.NamesHeld).SelectMany(c => c.WindowSentences()).ToList();
        // A sentence naming it by another word of its kind answers too: "Russian oil firm Lukoil" for "which company".
        if (!sentences.Any(sentence => analyzer.Terms(sentence).Contains(kindTerm))
            || sentences.Any(sentence => AnswerCandidates.NamesKind(sentence, query.Question, kind))) return null;
        return $"the passages about it speak of the {kind} without naming it";
    }

    /// <summary>
    /// "Why did Yermak step down in late 2025?": a year the question names is when it asks about, so the best passage
    /// holding its names must tell of that year — name it, or be from a report published then. Only for a question
    /// whose answer has no type to check (why, what happened): a typed answer or a quote is checked by what it says,
    /// and a story told later often leaves its year out ("In mid-November, Wallace visited Kyiv"). Null when it does.
    /// </summary>
    private static string? MissingYear(IEnumerable<Candidate> chosen, QuestionFocus focus, QueryAnalysis query)
    {
        if (query.Type is not (QuestionType.Reason or QuestionType.Other)) return null;
        var years = focus.Terms.Where(f => f.Term.Length == 4 && f.Term.All(char.IsDigit) && f.Term[0] is '1' or '2').Select(f => f.Term).ToList();
        if (years.Count == 0) return null;
        var named = chosen.Where(c => c.NamesHeld).ToList();
        // The first of them is the best, which the answer leads with: another naming the year ("Halvorsen opened the
        // 2024 book fair") doesn't date it ("What did G7 leaders decide at their June 2024 summit?" — a 2022 report).
        // A report without a date may well be from that year: nothing to hold against it.
        if (named.Count == 0 || named[0].Hit.Article.Published is not { } published) return null;
        // "…upgrading ties at the SCO summit last September" in a report of March 2023 tells of 2022.
        var window = string.Join(' ', named[0].WindowTexts());
        return years.All(y => named[0].Window.Factor(y) > 0 || TimelineQuestion.TellsOfYearBefore(published, window, int.Parse(y, System.Globalization.CultureInfo.InvariantCulture)))
            ? null : $"no passage tells of {string.Join(" and ", years)}";
    }

    /// <summary>
    /// "What did X say…", "How did X respond…" is covered only when a sentence of the chosen passages gives X's words
    /// (<see cref="StatementSpeaker"/>): a passage telling what someone else said about it holds the question's words
    /// and answers nothing. Null when it does, or the question names no one whose words it asks.
    /// </summary>
    private string? MissingSpeaker(IEnumerable<Candidate> chosen, QuestionFocus focus, QueryAnalysis query)
    {
        if (query.Type != QuestionType.Statement || StatementSpeaker.Of(query.Question) is not { } speaker) return null;
        var words = analyzer.Terms(speaker).ToHashSet(StringComparer.Ordinal);
        var named = StatementSpeaker.NamedTerms(speaker, focus.Terms, analyzer);
        if (named.Count == 0) return null;
        // …about what is asked: "China announced a stronger alliance" is China's words, not its response to Kishida
        // ("claim" in "Kishida's claim" is a word of saying, not what it is about).
        var about = ContentTerms(focus).Where(t => !words.Contains(t) && !_sayingTerms.Contains(t)).ToHashSet(StringComparer.Ordinal);
        bool HoldsAbout(string sentence, string? previous) => about.Count == 0 || analyzer.Terms(sentence).Any(about.Contains)
            || previous is not null && analyzer.Terms(previous).Any(about.Contains);
        var speakerNames = focus.Terms.Where(f => f.IsName && words.Contains(f.Term)).Select(f => f.Term).ToList();
        foreach (var c in chosen)
        {
            // "What does the Lowy Institute's essay say…?": when the speaker is the report's own outlet, every sentence
            // of the report is its words.
            var byline = analyzer.Terms(c.Hit.Article.Outlet).ToHashSet(StringComparer.Ordinal);
            bool itsOwnWords = speakerNames.All(byline.Contains);
            // One text, as in AnswerSentences: the speaker may be named at the end of the passage before.
            var sentences = c.WindowSentences();
            for (int i = 0; i < sentences.Count; i++)
            {
                var previous = i > 0 ? sentences[i - 1] : null;
                if ((itsOwnWords || StatementSpeaker.Gives(sentences[i], previous, named, analyzer)) && HoldsAbout(sentences[i], previous)) return null;
            }
        }
        return $"no passage gives what {speaker} said";
    }

    /// <summary>
    /// A long question holds more words than the passage that answers it ("How many American soldiers did the Pentagon
    /// chief put on standby for a possible move to Europe in late January 2022?" — "8,500 troops on heightened alert").
    /// A chosen passage (the first such, in rank order) still grounds it when the index knows all the question's words,
    /// the passage holds its names (and its roles, in two adjacent sentences) and at least
    /// <see cref="TypedAnswerMinCoverage"/> of its focus, is as similar as any grounding passage must be, and has a
    /// sentence that answers the asked type where it answers: that sentence, quoted first. Null otherwise, and for a
    /// question of no type (nothing to check the answer against).
    /// </summary>
    private string? TypedAnswerOf(Candidate passage, QuestionFocus focus, QueryAnalysis query)
    {
        // Words the index has never seen are evidence against coverage, and here words are all the evidence there is.
        if (focus.Unknown.Count > 0 || !passage.NamesHeld || passage.WindowCoverage < TypedAnswerMinCoverage || passage.Vector < options.MinSimilarity) return null;
        if (!SentencesHold(passage, focus, 0, AsksForRole(query))) return null;
        // A date or a length of time counts wherever it stands in its sentence; with so little else to go on, the
        // sentence must hold a word of what is asked ("How long did the convoy drive?" is no "11-minute recording").
        var content = ContentTerms(focus);
        return AnswerSentences([passage], focus, query, countedByName: true).Select(a => a.Sentence)
            .FirstOrDefault(sentence => analyzer.Terms(sentence).Any(content.Contains));
    }

    /// <summary>
    /// A reworded question shares too few words with the passage that answers it ("How long was the audio message
    /// Prigozhin posted…?" — "an 11-minute audio message"). It is still covered when a passage holding its names has
    /// a sentence that answers the asked type where it answers (<see cref="AnswerSentences"/>) and means what the
    /// question asks: at least <see cref="RetrievalOptions.AnswerSentenceSimilarity"/> to it. A question of no type
    /// gets no such chance: without a typed answer to check, the sentence's meaning alone is too weak a witness.
    /// </summary>
    private async Task<(Candidate Passage, string Sentence, Dictionary<string, double> Similarity)?> AnswerSentenceAsync(
        IEnumerable<Candidate> chosen, QuestionFocus focus, QueryAnalysis query, ReadOnlyMemory<float> question, CancellationToken cancellationToken)
    {
        var found = AnswerSentences(chosen.Where(c => c.NamesHeld), focus, query, reworded: true).DistinctBy(s => s.Sentence).Take(AnswerSentencesEmbedded).ToList();
        if (found.Count == 0) return null;
        IReadOnlyList<ReadOnlyMemory<float>> vectors;
        try
        {
            vectors = await embedder!.EmbedDocumentsAsync(found.Select(f => f.Sentence).ToList(), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogSentenceEmbeddingFailed(ex.Message);
            return null;
        }
        var similarity = new Dictionary<string, double>(StringComparer.Ordinal);
        (Candidate Passage, string Sentence, double Similarity)? best = null;
        for (int i = 0; i < found.Count && i < vectors.Count; i++)
        {
            double sim = Cosine(question.Span, vectors[i].Span);
            similarity[found[i].Sentence] = sim;
            if (sim >= options.AnswerSentenceSimilarity && (best is null || sim > best.Value.Similarity)) best = (found[i].Passage, found[i].Sentence, sim);
        }
        return best is { } b ? (b.Passage, b.Sentence, similarity) : null;
    }

    /// <summary>A question's term with its other spellings and paraphrases as the focus holds them.</summary>
    private static HashSet<string> Spellings(QuestionFocus focus, string term) =>
        focus.Terms.Where(f => f.Term == term).SelectMany(f => f.Alternatives).Append(term).ToHashSet(StringComparer.Ordinal);

    /// <summary>The question's words that are neither names nor its setting, with their other spellings.</summary>
    private static HashSet<string> ContentTerms(QuestionFocus focus) =>
        focus.Terms.Where(f => !f.IsName && !f.IsSetting).SelectMany(f => f.Alternatives.Prepend(f.Term)).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The sentences of the chosen passages (and their neighbours) that hold an answer of the asked type where it answers:
    /// next to the question's words, counting what is asked, told with the question's setting. Empty for a question of no type.
    /// </summary>
    /// <param name="countedByName">For "how many X": only a sentence that names X answers, not one that says it in other
    /// words ("157 POWs" for "how many soldiers") — for a passage whose words alone are too few to ground the question.</param>
    /// <param name="reworded">For a question judged by its meaning (<see cref="AnswerSentenceAsync"/>): what lasted may be
    /// said in other words ("Orlan's audio explanation" is the report's "11-minute voice recording"), so its length need not
    /// be told beside the question's word for it.</param>
    private IEnumerable<(Candidate Passage, string Sentence)> AnswerSentences(IEnumerable<Candidate> chosen, QuestionFocus focus, QueryAnalysis query, bool countedByName = false, bool reworded = false)
    {
        var type = query.Type;
        if (type is QuestionType.Other or QuestionType.Statement or QuestionType.Reason || query.Question.Length == 0) yield break;
        // A sentence told before a how-many question sets its scene ("ISW said in early Feb 2026 that Russia wants to push
        // on to Slovyansk after taking Lyman. How many kilometres is it from Lyman to Slovyansk?"), told where the report
        // tells it, not beside the number: the words beside it are those the question asks with. Not for "who was that
        // diplomat?", whose words are all in the sentence before.
        var scene = type is QuestionType.Quantity or QuestionType.Duration ? ToldBeforeTerms(query, focus) : [];
        var content = ContentTerms(focus);
        if (scene.Count > 0 && content.Any(t => !scene.Contains(t))) content.ExceptWith(scene);
        var contentWords = focus.Terms.Where(f => !f.IsName && !f.IsSetting).ToList();
        var any = focus.Terms.Where(f => !f.IsSetting).SelectMany(f => f.Alternatives.Prepend(f.Term)).ToHashSet(StringComparer.Ordinal);
        if (any.Count == 0) yield break;
        var near = content.Count > 0 ? content : any;
        var counted = type == QuestionType.Quantity ? CountedTerms(query, focus) : null;
        var measure = type == QuestionType.Quantity && AnswerCandidates.MeasureNamed(query.Question) is { } noun && analyzer.Term(noun) is { } measureTerm
            ? Spellings(focus, measureTerm) : null;
        // "How much is Latvia spending on the anti-tank mines?": the amount is told with what it pays for, in the
        // sentence or the one before — "about Br5 million was spent on the renovation of the memorial" pays for something else.
        var paidFor = type == QuestionType.Quantity && AnswerCandidates.PaidFor(query.Question) is { } bought && analyzer.Term(bought) is { } boughtTerm
            ? Spellings(focus, boughtTerm) : null;
        // "How many children were among the people killed?" names the whole and the kind of it asked for: it is answered
        // in other words only by a count of people, and not by "seven people were killed", which counts the whole.
        bool kindOfPeople = type == QuestionType.Quantity && CountedWord(query.Question) is { } countedWord
            && PeopleWords.Contains(countedWord) && !GenericPeopleWords.Contains(countedWord)
            && TextAnalyzer.Tokenize(query.Question).Any(GenericPeopleWords.Contains);
        // "How long did the inauguration ceremony last?": the length is told of the ceremony (TellsLengthOf), or in a
        // sentence pointing back at the one before that names it ("It lasted…"); "another six years in office" is the term's.
        var lasting = type == QuestionType.Duration && !reworded && LastingThing(query.Question) is { } thing && analyzer.Term(thing) is { } thingTerm
            ? Spellings(focus, thingTerm) : null;
        // "What share of Germans were in the peace camp?" is not answered by Italy's 52 %: the figure is told of the
        // nation the question counts, by its people or its country, in the sentence or the one before.
        var nation = type == QuestionType.Quantity && AnswerCandidates.NationCounted(query.Question) is { } nationWords
            ? nationWords.Select(analyzer.Term).OfType<string>().ToHashSet(StringComparer.Ordinal) : null;
        // "How many people…" names no kind to look for ("people", "leaders" are every kind of them): the number must count people.
        var people = type == QuestionType.Quantity ? PeopleCounted().Match(query.Question) : System.Text.RegularExpressions.Match.Empty;
        bool countsPeople = people.Success;
        // What they did ("visited", "died") is told with the number: the verb after "people", in any of its words.
        var verb = people.Groups["verb"] is { Success: true } v ? analyzer.Term(v.Value) : null;
        // A verb of several words ("moved out") is told in the group its phrase stands for ("left").
        var aboutPeople = verb is null ? null : focus.Terms.Where(f => f.Term == verb || f.FromParaphrase).SelectMany(f => f.Alternatives.Prepend(f.Term)).Append(verb).ToHashSet(StringComparer.Ordinal);
        // "What's the name of the commander…?": the name stands beside the role it names ("the commander, Adam
        // Delimkhanov", "commander Adam Delimkhanov"), not anywhere near the story's words.
        var named = type == QuestionType.Person && AnswerCandidates.NamedRole(query.Question) is { } role && analyzer.Term(role) is { } roleTerm
            ? Spellings(focus, roleTerm) : null;
        // Places, or names written as one ("the Granvik talks", "in Granvik"): "did Lavrov say negotiations…" reads like
        // "the Geneva negotiations" to the looser setting rule, and Lavrov is no setting.
        var places = query.PlaceTerms.SelectMany(p => p).ToHashSet(StringComparer.Ordinal);
        bool IsPlaceSetting(FocusTerm f) => places.Contains(f.Term)
            || query.Words.Any(w => w.Term == f.Term && TextAnalyzer.IsSettingIn(query.Question, w.Token, adjacent: true));
        var settings = focus.Terms.Where(f => f.IsSetting && IsPlaceSetting(f)).Select(f => f.Alternatives.Prepend(f.Term).ToHashSet(StringComparer.Ordinal)).ToList();
        var questionDay = settings.Count > 0 ? QuestionDates.Of(query.Question).FirstDay : null;
        bool asksFuture = type == QuestionType.Time && AnswerCandidates.AsksFuture(query.Question);
        foreach (var c in chosen)
        {
            // The outlet is a setting its report holds too: "going by the Levada figures in the CSIS brief".
            var title = settings.Count > 0 ? analyzer.Terms(c.Hit.Article.Title + " " + c.Hit.Article.Outlet) : [];
            // The lead says what the report is about as its title does ("A summit between Putin and African leaders
            // began in St. Petersburg…" — under a title cut short at "St."): when the window holds it, it sets the scene too.
            if (settings.Count > 0 && c.Lead() is { } lead) title.AddRange(Articles.SentenceSplitter.Split(lead).Take(LeadSentences).SelectMany(analyzer.Terms));
            // The window's passages are consecutive, so the sentence before the first of a passage is the last of the one
            // before it ("…Zelenskyy travelled to Berlin" | "Following this, US negotiators claimed…").
            var sentences = c.WindowSentences();
            List<string>?[] terms = new List<string>?[sentences.Count];
            List<string> TermsOf(int i) => terms[i] ??= analyzer.Terms(sentences[i]);
            // In the sentence or the one before it (which tells the context: "Another round was held in Geneva.").
            // …or in the line that opens the quotation it stands in ("Sergii Pylypenko, CEO of Kovalska Group, said …:" |
            // "“For more than two months…" | "“In certain periods, … by up to 50%.”").
            bool HeldHere(int i, IReadOnlySet<string> wanted) => wanted.Count == 0 || TermsOf(i).Any(wanted.Contains) || i > 0 && TermsOf(i - 1).Any(wanted.Contains)
                || QuotationOpener(sentences, i) is { } opener && TermsOf(opener).Any(wanted.Contains);
            for (int i = 0; i < sentences.Count; i++)
            {
                var sentence = sentences[i];
                if (!AnswerCandidates.Holds(type, sentence, query.Question)) continue;
                // "When will the Senate vote on the bill?" is not answered by "since 2014": a time ahead of the report.
                if (asksFuture && c.Hit.Article.Published is { } published && AnswerCandidates.GivesOnlyPast(sentence, published.Year)) continue;
                if (!TermsOf(i).Any(any.Contains)) continue;
                bool answers = type != QuestionType.Person ? AnswerCandidates.NextToFocus(type, sentence, query.Question, near, analyzer)
                    : named is not null ? NamesRoleHolder(sentence, query.Question, named) : NamesSomeone(sentence, query.Question, near);
                // "Where was Austin speaking when he said security in Asia can't be taken for granted?" — "…security in
                // Asia “can't be taken for granted” in a speech at defense talks in Singapore": a sentence telling
                // most of what the question asks gives its place wherever it stands.
                if (!answers && type == QuestionType.Place && contentWords.Count > 0
                    && contentWords.Count(f => f.Alternatives.Prepend(f.Term).Any(TermsOf(i).Contains)) >= Math.Max(2, (contentWords.Count + 1) / 2)) answers = true;
                if (!answers) continue;
                // "When did the US put Kabaeva under sanctions?" is not answered by a date told of her that says
                // nothing of sanctions ("has not appeared in public since February 24"): a date or a length of time
                // is told with what the question asks of it, in the sentence or the one before.
                if (type is QuestionType.Time or QuestionType.Duration && content.Count > 0 && !HeldHere(i, content)) continue;
                if (lasting is not null && !TellsLengthOf(sentence, query.Question, lasting) && !(LeadingPronoun().IsMatch(sentence) && HeldHere(i, lasting))) continue;
                // "What was the turnout…?": the figure is told as the measure asked for, not only in its sentence.
                if (measure is not null && !TellsMeasure(sentence, query.Question, measure)) continue;
                // "How much is Latvia spending on the anti-tank mines?": told with what it paid for (PaidFor).
                if (paidFor is not null && !HeldHere(i, paidFor)) continue;
                // "How many children has Russia deported?" is answered neither by "deported thousands of people" nor
                // by "fifteen children have been returned": the number counts what is asked, and what happened to it
                // is told with it.
                // When the sentence says it in other words ("157 POWs came home" for "how many soldiers"), the number
                // stands next to two of the question's words instead.
                // "How many people visited the exhibition?" is not answered by "more than 30 pieces of equipment".
                // …and what happened to them is told with it: "hundreds of thousands of casualties" is no count of visitors.
                if (countsPeople && (!CountsPeople(sentence) || aboutPeople is not null && !HeldHere(i, aboutPeople))) continue;
                if (nation is { Count: > 0 } && !HeldHere(i, nation)) continue;
                if (counted is { Count: > 0 } && (TermsOf(i).Any(counted.Contains)
                    ? !Counts(sentence, counted) || !HeldHere(i, content.Where(t => !counted.Contains(t)).ToHashSet(StringComparer.Ordinal))
                    : countedByName || content.Count(t => !counted.Contains(t) && (TermsOf(i).Contains(t) || i > 0 && TermsOf(i - 1).Contains(t))) < 2
                        || kindOfPeople && (!CountsPeople(sentence) || Counts(sentence, GenericPeopleTerms)))) continue;
                // "… after the Geneva talks?" is not answered by a number told about Abu Dhabi in an article that
                // mentions Geneva in the next line: the setting is told with the answer or just before it, or is
                // what the article is about.
                // A where-question's setting is the place the answer lies in ("Where in Kazakhstan…?" — "near
                // Almaty"), which the answering sentence needn't name again: the passage holding it will do.
                // The day the question names tells of one event as its setting does ("the round in Turkey on 16 May
                // 2025" — "the talks on May 16, 2025 (which lasted less than two hours)").
                if (settings.Any(setting => !title.Any(setting.Contains) && !HeldHere(i, setting)
                    && !(questionDay is { } day && (QuestionDates.NamesDay(sentence, day) || ReportedThatDay(c, day, sentence, query.Question)))
                    && !(type == QuestionType.Place && setting.Any(t => c.Window.Factor(t) > 0)))) continue;
                yield return (c, sentence);
            }
        }
    }

    /// <summary>
    /// The sentence that introduces, with a colon, the quotation sentence <paramref name="i"/> goes on (and the quoted
    /// sentences between them), when it is further back than the sentence before; null otherwise.
    /// </summary>
    private static int? QuotationOpener(IReadOnlyList<string> sentences, int i)
    {
        if (!OpensQuote(sentences[i])) return null;
        int k = i - 1;
        while (k >= 0 && i - k <= MaxQuotedSentences && OpensQuote(sentences[k])) k--;
        return k >= 0 && k < i - 1 && sentences[k].TrimEnd().EndsWith(':') ? k : null;
    }

    private static bool OpensQuote(string sentence) => sentence.TrimStart() is { Length: > 0 } s && s[0] is '"' or '“' or '«' or '„';

    private const int MaxQuotedSentences = 4;

    // The countries a war is named by: "the Russia-Ukraine war", "the Ukraine war", "Russia's war in Ukraine", "the
    // invasion of Ukraine".
    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?<name>\p{Lu}\p{L}+)(?:\s*[-–/]\s*(?<name>\p{Lu}\p{L}+))?\s+(?:war|conflict)\b|\b(?:war|conflict)\s+(?:in|on|against)\s+(?<name>\p{Lu}\p{L}+)|\binvasion\s+of\s+(?<name>\p{Lu}\p{L}+)")]
    private static partial System.Text.RegularExpressions.Regex WarNamers();

    // "WWII", "NATO", "G7": capitals (and digits) only, two or more.
    private static bool IsShortForm(string token) => token.Length >= 2 && token.Any(char.IsLetter) && token.All(ch => char.IsUpper(ch) || char.IsDigit(ch));

    /// <summary>
    /// The kind of thing a "which/what X" question asks for ("Which hotel…", "At what port…"), as the question writes
    /// it; null when the question asks no kind or one that any name can be.
    /// </summary>
    internal static string? AskedKind(string question, TextAnalyzer analyzer) => KindWord(question, analyzer, named: false);

    /// <summary>
    /// The kind of thing whose name a "which/what X" question asks for, a kind that is named rather than called by its
    /// kind included ("Which Jesuit magazine…" — a magazine: "he told Jesuit magazine La Civiltà Cattolica"); null when it
    /// asks for no kind or one any name can be.
    /// </summary>
    internal static string? NamedKind(string question, TextAnalyzer analyzer) => KindWord(question, analyzer, named: true);

    private static string? KindWord(string question, TextAnalyzer analyzer, bool named)
    {
        bool Generic(string word) => GenericKinds.Contains(word) || !named && NamedKinds.Contains(word);
        // "Which think tank…" asks for one kind, written as two words: not a "think", nor a tank.
        question = ThinkTank().Replace(question, "thinktank");
        // "What was the ship called?" asks which ship, by its name.
        if (CalledKind().Match(question) is { Success: true } called) question = "which " + called.Groups["kind"].Value;
        // "What's the name of Russia's best AI model…?" asks which model, by its name.
        if (named) question = NameOfKind().Replace(question, "which ");
        var m = AskedKindPattern().Match(question);
        // "What did Zelensky's adviser Podolyak say…" asks for no kind: its adviser is who speaks, not what is asked for.
        if (!m.Success || Auxiliaries.Contains(m.Groups["kind"].Value)) return null;
        // The kind is the noun its describing words lead to: "which veteran Ukrainian politician did…" asks for a
        // politician, not a veteran; "which hotel hosted…" for a hotel (a word in -ed is the verb that follows).
        var kind = m.Groups["kind"].Value;
        // The kind's words end at the clause's punctuation: "Which Ukrainian actor, beaten up in Dublin…" asks for an actor.
        var after = question[(m.Groups["kind"].Index + m.Groups["kind"].Length)..];
        if (after.IndexOfAny(ClauseMarks) is >= 0 and var stop) after = after[..stop];
        // "Which of Britain's two new aircraft carriers…" asks for one of them: a carrier, described after "of".
        bool oneOf = kind.Equals("of", StringComparison.OrdinalIgnoreCase);
        var words = TextAnalyzer.Tokenize(after).ToList();
        if (oneOf) words = words.SkipWhile(w => OneOfLead().IsMatch(w)).ToList();
        var read = words.Take(oneOf ? 4 : 3).ToList();
        for (int i = 0; i < read.Count; i++)
        {
            var word = read[i];
            var lower = word.ToLowerInvariant();
            // "Which institute puts it out?", "which company owns the tanker?": a word its object follows is the verb.
            if (i + 1 < words.Count && ObjectWords.Contains(words[i + 1].ToLowerInvariant())) break;
            // "Which oil refinery…" asks for a refinery, not for oil.
            if (!named && NamedKinds.Contains(lower)) return null;
            if (Generic(lower) || analyzer.IsStopWord(lower) || Prepositions.Contains(lower) || lower.EndsWith("ed", StringComparison.Ordinal)
                || IrregularPast.Contains(lower) || lower.Length <= 2 && char.IsLower(word[0])) break; // "co-wrote", "re-elected": a prefix starts the verb
            if (char.IsUpper(word[0])) continue;
            kind = word;
        }
        if (oneOf)
        {
            if (kind.Equals("of", StringComparison.OrdinalIgnoreCase)) return null;
            // One of the carriers is a carrier.
            if (kind.Length > 3 && kind.EndsWith('s') && !kind.EndsWith("ss", StringComparison.Ordinal)) kind = kind[..^1];
        }
        return Generic(kind) ? null : kind;
    }

    /// <summary>
    /// A report published on the day the question names, or the morning after, tells of that day as the sentence naming
    /// it does: "Russia's Defense Ministry said its forces shot down 95 Ukrainian drones overnight" in a report of 5 Feb
    /// answers "…overnight during the 4-5 Feb 2026 Abu Dhabi round?" though that line doesn't name Abu Dhabi. Not a
    /// sentence that names a place of its own: a day's report tells of that day's other events too ("struck a bus near
    /// Ternivka, killing at least 12 people" is no answer about the maternity hospital in Zaporizhzhia).
    /// </summary>
    private static bool ReportedThatDay(Candidate c, DateOnly day, string sentence, string question) =>
        c.Hit.Article.Published is { } published && published.DayNumber - day.DayNumber is 0 or 1
        && !AnswerCandidates.Positions(QuestionType.Place, sentence, question).Any();

    private static readonly HashSet<string> ObjectWords = new(StringComparer.Ordinal) { "it", "them", "him", "her", "the", "a", "an", "this", "that", "its", "their", "his" };

    // What leads the described kind after "which of": "the", "its", "Britain's", "two".
    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:the|its|his|her|their|our|these|those|\p{Lu}[\p{L}-]*(?:'s|’s|s'|’)?|\d+|two|three|four|five|six|seven|eight|nine|ten)$")]
    private static partial System.Text.RegularExpressions.Regex OneOfLead();

    private static readonly char[] ClauseMarks = [',', ';', ':', '?', '(', '—', '–'];

    [System.Text.RegularExpressions.GeneratedRegex(@"\bthink[\s-]+tank", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex ThinkTank();

    // "What did…", "what was…": a question's verb, where a kind would stand.
    private static readonly HashSet<string> Auxiliaries = new(StringComparer.OrdinalIgnoreCase)
    {
        "is", "are", "was", "were", "did", "do", "does", "has", "have", "had", "will", "would", "can", "could", "should", "might", "must",
    };

    // "Which company made…", "which group sent…": verbs in the past that don't end in -ed.
    private static readonly HashSet<string> IrregularPast = new(StringComparer.Ordinal)
    {
        "made", "built", "sent", "sold", "bought", "paid", "led", "won", "lost", "held", "took", "gave", "wrote", "ran", "began",
        "met", "brought", "sought", "fought", "hit", "put", "set", "left", "kept", "got", "struck", "drew", "chose", "spoke", "became",
        "told", "said", "saw", "went", "came", "found", "thought", "knew", "meant", "shot", "threw", "broke", "stole", "hid", "flew",
    };

    // Where the words naming a kind end: "which airfield near the border".
    private static readonly HashSet<string> Prepositions = new(StringComparer.Ordinal)
    {
        "near", "in", "at", "on", "from", "to", "for", "with", "by", "of", "under", "over", "between", "after", "before", "during",
        "about", "against", "behind", "outside", "inside", "across", "along", "around", "into", "since", "until", "that", "which", "who",
    };

    private static readonly HashSet<string> GenericKinds = new(StringComparer.OrdinalIgnoreCase)
    {
        "is", "are", "was", "were", "did", "do", "does", "has", "have", "had", "will", "would", "can", "could", "should", "happened", "happens",
        "the", "a", "an", "about", "else", "exactly", "kind", "kinds", "type", "types", "sort", "sorts", "member", "members", "one", "ones",
        "person", "people", "country", "countries", "nation", "nations", "state", "states", "city", "cities", "town", "towns", "village", "villages",
        "region", "regions", "area", "areas", "location", "place", "places", "year", "years", "month", "months", "day", "days",
        "date", "dates", "time", "part", "share", "percentage", "proportion", "number", "amount", "way", "ways", "thing", "things", "name", "side",
        "sides", "group", "groups", "official", "officials", "leader", "leaders", "man", "woman", "role", "position", "step", "steps",
    };

    // Kinds whose things are named, rarely called by their kind: no word a passage must hold (AskedKind), but the name
    // beside the kind answers (NamedKind).
    private static readonly HashSet<string> NamedKinds = new(StringComparer.OrdinalIgnoreCase)
    {
        // "Which charity did Pence travel with?" — "Samaritan's Purse".
        "charity", "charities", "organisation", "organisations", "organization", "organizations", "company", "companies", "firm", "firms",
        "ngo", "ngos", "institution", "institutions",
        // "Which think tank put out the paper?" — "a paper released by the Australian Strategic Policy Institute".
        "thinktank", "thinktanks", "institute", "institutes",
        // "Which Russian drone outfit…?" — "elements of the Rubikon Center for Advanced Unmanned Technologies" (a unit is
        // named with the formations below).
        "outfit", "outfits",
        // …and so is a paper: "Which paper did the archbishop write in?" — "writing in the Daily Telegraph".
        "paper", "papers", "newspaper", "newspapers", "outlet", "outlets", "publication", "publications", "magazine", "magazines",
        // …and a military formation: "Which formation will use the base?" — "the 44th Army Corps".
        "formation", "formations", "unit", "units",
        // …and a works: "Which refinery was hit?" — "the Afipsky oil refinery".
        "refinery", "refineries", "plant", "plants", "factory", "factories",
        // …and a language: "What language did Modi speak in?" — "a rare address by Mr Modi in English".
        "language", "languages",
    };

    // "Who replaced…": the word after "who", the deed when it is a past verb (MissingDeed).
    [System.Text.RegularExpressions.GeneratedRegex(@"^\W*who\s+(?<verb>\p{Ll}+)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex DeedAsked();

    // At the question's start, or in a short question closing it after a dash or a comma ("…show of captured tanks
    // held - which park?", "…on 1 Feb 2026 - in which city?"); not in a clause that goes on ("the summit, which was…",
    // "the hotel, which the minister owns?").
    [System.Text.RegularExpressions.GeneratedRegex(@"^\W*(?:(?:in|at|on|from|to|for|by|with|under)\s+)?(?:which|what)\s+(?<kind>[\p{L}-]+)|[-–—,;:]\s+(?:(?:in|at|on|from|to|for|by|with|under)\s+)?(?:which|what)\s+(?!(?:the|a|an|his|her|its|their|he|she|it|they|we|you|i)\b)(?<kind>[\p{L}-]+)(?=(?:\s+[\p{L}'’-]+){0,3}\s*\?\s*$)", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex AskedKindPattern();

    // "What's the name of", "what was the name of the": a question asking a thing's name.
    [System.Text.RegularExpressions.GeneratedRegex(@"^\W*what(?:'s|’s|s|\s+(?:is|was|were|are))\s+(?:the\s+)?names?\s+of\s+(?:(?:the|that|this|a|an)\s+)?", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex NameOfKind();

    // The kind is the last word before "called": "what was the new operation called", "The US seized a tanker - what
    // was the ship called?".
    [System.Text.RegularExpressions.GeneratedRegex(@"(?:^|[-–—.;:,]\s*)\W*what(?:'s|’s|\s+(?:was|is|were|are))\s+(?:the|this|that|its|their|his|her)\s+(?:[\p{L}-]+\s+){0,2}?(?<kind>[\p{L}-]+)\s+(?:called|named)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex CalledKind();

    /// <summary>
    /// What "how many X" counts: the index term of X's last word (before the verb) with its paraphrases; empty for other
    /// questions and for a kind anything can be counted as ("how many people").
    /// </summary>
    private HashSet<string> CountedTerms(QueryAnalysis query, QuestionFocus focus)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        var word = CountedWord(query.Question);
        if (word is null || GenericKinds.Contains(word) || NamedKinds.Contains(word)) return result;
        var term = focus.Corrections.TryGetValue(word, out var corrected) ? corrected : analyzer.Term(word);
        if (term is null || _kindTerms.Contains(term)) return result;
        result.Add(term);
        foreach (var f in focus.Terms.Where(f => f.Term == term)) result.UnionWith(f.Alternatives);
        // A word the index lacks stands for its paraphrase ("soldiers" for "troops"): that is what is counted then.
        if (focus.Terms.All(f => f.Term != term))
        {
            foreach (var p in query.Paraphrases.Where(p => !p.FromPhrase && p.Term == term)) result.UnionWith(p.Alternatives);
        }
        return result;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\bhow\s+many\s+((?:[\p{L}'’-]+\s+){0,2}?[\p{L}'’-]+?)(?=\s+(?:has|have|had|did|do|does|were|was|are|is|will|would|could|can|been|in|on|at|of|from|to|since|during|after|before)\b|\s*\?|$)", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex CountedPattern();

    /// <summary>
    /// True when a length of time in the sentence stands within <see cref="LengthOfWords"/> words of what lasted ("the
    /// ceremony lasted barely forty minutes", "an hour-long meeting") or right after "lasted", not only somewhere in its
    /// sentence ("The ceremony, which begins a term that could end with Putin in power for 30 years"). A length after
    /// "lasted" is told of what the sentence says lasted, however far back it was named ("…the Normandy format meeting on
    /// concluding the Minsk-II agreements (which lasted more than sixteen hours)").
    /// </summary>
    private bool TellsLengthOf(string sentence, string question, IReadOnlySet<string> thing) =>
        TypedNear(QuestionType.Duration, sentence, question, thing, LengthOfWords, after: LastingVerbs);

    /// <summary>
    /// True when a figure of the sentence stands within <see cref="MeasureWords"/> words of the measure asked for
    /// ("turnout was 83%", "a deficit of 5.6 trillion roubles"), not only somewhere else in its sentence.
    /// </summary>
    private bool TellsMeasure(string sentence, string question, IReadOnlySet<string> measure) =>
        TypedNear(QuestionType.Quantity, sentence, question, measure, MeasureWords) && AnswerCandidates.TellsRateAsked(sentence, question);

    /// <summary>
    /// True when a candidate of the asked type stands within <paramref name="window"/> words of a word holding one of
    /// <paramref name="terms"/>, or (given <paramref name="after"/>) within three words after one of those verbs.
    /// </summary>
    private bool TypedNear(QuestionType type, string sentence, string question, IReadOnlySet<string> terms, int window, IReadOnlySet<string>? after = null)
    {
        var words = TextAnalyzer.TokenSpans(sentence).ToList();
        var termAt = AnswerCandidates.WordsHolding(words, terms, analyzer);
        if (termAt.Count == 0) return false;
        foreach (int offset in AnswerCandidates.Positions(type, sentence, question))
        {
            int at = AnswerCandidates.WordAt(words, offset);
            if (at < 0) continue;
            if (termAt.Any(t => Math.Abs(t - at) <= window)) return true;
            if (after is not null && Enumerable.Range(Math.Max(0, at - 3), Math.Min(3, at)).Any(k => after.Contains(words[k].Token))) return true;
        }
        return false;
    }

    // "the turnout in the Crimea referendum was 83%" holds five words between them.
    private const int MeasureWords = 6;

    private static readonly HashSet<string> LastingVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "last", "lasts", "lasted", "lasting", "took", "continued", "stretched", "ran",
    };

    // Words between what lasted and its length: "the ceremony lasted barely forty minutes" is three; eight leave room for a
    // clause between ("the meeting with the Irish premier took an hour").
    private const int LengthOfWords = 8;

    // "It lasted two hours", "They talked for an hour": a sentence whose subject is the one before it.
    [System.Text.RegularExpressions.GeneratedRegex(@"^\W*(?:it|they|this|that|these|those)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex LeadingPronoun();

    /// <summary>
    /// What a "how long did X last / go on / take" question asks the length of: the last word of X before what describes
    /// it ("the late-night Kremlin meeting between Putin and…" — meeting; "the first day of the talks" — day); null for
    /// other questions.
    /// </summary>
    internal static string? LastingThing(string question)
    {
        var m = LastingPattern().Match(question);
        return m.Success ? TextAnalyzer.Tokenize(m.Groups["thing"].Value).LastOrDefault() : null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\W*how\s+long\s+did\s+(?<thing>(?:(?!\b(?:of|with|in|on|at|between|that|which|who|from|for|against|during|by|after|before|last|lasted|go|take|drag)\b)[^,?])+?)\s*(?:\b(?:of|with|in|on|at|between|that|which|who|from|for|against|during|by|after|before)\b.*?)?\s+(?:last|go\s+on|drag\s+on|take)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex LastingPattern();

    // The last word before the verb is what is counted ("Ukrainian children"); the words before it describe it.
    private static string? CountedWord(string question)
    {
        var m = CountedPattern().Match(question);
        return m.Success ? TextAnalyzer.Tokenize(m.Groups[1].Value).LastOrDefault() : null;
    }

    /// <summary>
    /// True when a number of the sentence counts people: it is followed by a word for people ("14,000 people", "2,514
    /// civilians") or by no noun at all ("nearly 14,000 have died"), not by another thing it counts ("30 pieces").
    /// </summary>
    private bool CountsPeople(string sentence)
    {
        var words = TextAnalyzer.TokenSpans(sentence).ToList();
        foreach (int offset in AnswerCandidates.Positions(QuestionType.Quantity, sentence, ""))
        {
            int at = AnswerCandidates.WordAt(words, offset);
            if (at < 0) continue;
            // The number's own words ("14,000", "1.5 million") come first.
            int next = AnswerCandidates.NumberEnd(words, at) + 1;
            while (next < words.Count && AnswerCandidates.IsNumberScale(words[next].Token)) next++;
            if (next >= words.Count) return true;
            var following = words[next].Token.ToLowerInvariant();
            if (PeopleWords.Contains(following) || analyzer.IsStopWord(following)) return true;
            // One word may describe them first: "52 key representatives", "300 wounded soldiers".
            if (next + 1 < words.Count && char.IsLower(words[next].Token[0]) && PeopleWords.Contains(words[next + 1].Token)) return true;
        }
        return false;
    }

    // "according to the Moran-Pompeo op-ed", "according to Baev's PRIO commentary": the clause names a piece of writing.
    [System.Text.RegularExpressions.GeneratedRegex(@"\baccording\s+to\b[^,?;]*\b(op-?ed|piece|article|column|commentary|analysis|essay|editorial|report|brief|paper|blog|newsletter)s?\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex BylinedPiece();

    [System.Text.RegularExpressions.GeneratedRegex(@"\bhow\s+many\s+(?:[\p{L}'’-]+\s+){0,2}(people|persons|leaders|officials|members)\b(?:\s+(?:have|has|had|were|was|are|is|been|being|did|do|does|will|would|could|can|still|already|actually)\b)*(?:\s+(?<verb>[\p{L}'’-]+))?", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex PeopleCounted();

    // Words that count people: what "how many people" is answered with.
    private static readonly HashSet<string> PeopleWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "people", "persons", "person", "civilians", "civilian", "residents", "citizens", "soldiers", "troops", "servicemen", "fighters",
        "prisoners", "pows", "children", "kids", "adults", "men", "women", "refugees", "migrants", "workers", "employees", "visitors",
        "voters", "deaths", "dead", "casualties", "victims", "lives", "killed", "wounded", "injured", "ukrainians", "russians",
        "personnel", "members", "staff", "volunteers", "recruits", "conscripts", "mps", "lawmakers", "deputies", "delegates",
        "officials", "journalists", "individuals", "inhabitants", "families", "survivors", "hostages", "detainees", "captives",
        "representatives", "leaders", "diplomats", "politicians", "ministers", "officers", "commanders", "students", "patients",
        "nationals", "activists", "protesters", "demonstrators", "experts", "observers", "peacekeepers", "mercenaries", "passengers",
        "miners", "sailors", "pilots", "police", "policemen", "guards",
    };

    // Words for people of any kind: "seven people" counts no children, soldiers or women in particular.
    private static readonly HashSet<string> GenericPeopleWords = new(StringComparer.OrdinalIgnoreCase) { "people", "persons", "person", "individuals" };

    private HashSet<string> GenericPeopleTerms => _genericPeopleTerms ??= GenericPeopleWords.Select(analyzer.Term).OfType<string>().ToHashSet(StringComparer.Ordinal);
    private HashSet<string>? _genericPeopleTerms;

    /// <summary>True when a number of the sentence stands within a few words before (or just after) what is counted.</summary>
    private bool Counts(string sentence, IReadOnlySet<string> counted)
    {
        var words = TextAnalyzer.TokenSpans(sentence).ToList();
        var countedAt = AnswerCandidates.WordsHolding(words, counted, analyzer);
        if (countedAt.Count == 0) return false;
        foreach (int offset in AnswerCandidates.Positions(QuestionType.Quantity, sentence, ""))
        {
            int at = AnswerCandidates.WordAt(words, offset);
            if (at < 0) continue;
            // Counted from the number's last word: "350,000 combat-hardened military reservists".
            int end = AnswerCandidates.NumberEnd(words, at);
            if (countedAt.Any(k => k - end is >= 0 and <= CountedAfterWords || at - k is > 0 and <= CountedBeforeWords)) return true;
        }
        return false;
    }

    // "314 Ukrainian prisoners of war": the counted word follows its number within a few words; "prisoners: 314" before it.
    private const int CountedAfterWords = 4;
    private const int CountedBeforeWords = 3;

    /// <summary>
    /// A name that is not the question's and not a place ("Russia would need six months, said an unnamed commander"
    /// names no one) within a few words of the question's words.
    /// </summary>
    private bool NamesSomeone(string sentence, string question, IReadOnlySet<string> near)
    {
        var words = TextAnalyzer.TokenSpans(sentence).ToList();
        var focusAt = AnswerCandidates.WordsHolding(words, near, analyzer);
        // The named speaker of a quotation that holds the question's words: "…a coalition of the willing if Ukraine
        // doesn't get anything in Vilnius,” Rasmussen said" answers "Which ex-NATO chief said the Poles might go in?".
        if (focusAt.Count > 0 && AnswerCandidates.QuotesNewSpeaker(sentence, question)) return true;
        for (int i = 1; i < words.Count; i++)
        {
            var token = words[i].Token;
            if (token.Length < 3 || !char.IsUpper(token[0]) || token.All(char.IsUpper) && token.Length <= 4) continue;
            if (question.Contains(token, StringComparison.OrdinalIgnoreCase) || analyzer.IsPlace(token) || analyzer.IsStopWord(token.ToLowerInvariant())) continue;
            // "14 February 2026", "on Thursday": a date is nobody.
            if (TextAnalyzer.IsCalendarWord(token)) continue;
            // "Ramzan Kadyrov" names nobody new when the question says Kadyrov: it is the first name of a name asked about.
            if (PartOfQuestionName(words, i, question)) continue;
            if (focusAt.Any(f => Math.Abs(f - i) <= NameNearWords)) return true;
        }
        return false;
    }

    /// <summary>
    /// True when a person's name — two or more capitalised words, none a place, an organisation's word or the
    /// question's — stands within a few words of the role asked about ("the commander, Adam Delimkhanov"). "The Polish
    /// Armed Forces Operational Command" names no commander.
    /// </summary>
    private bool NamesRoleHolder(string sentence, string question, IReadOnlySet<string> role)
    {
        var words = TextAnalyzer.TokenSpans(sentence).ToList();
        var roleAt = AnswerCandidates.WordsHolding(words, role, analyzer);
        if (roleAt.Count == 0) return false;
        bool NameWord(int k) => k > 0 && k < words.Count && words[k].Token.Length >= 2 && char.IsUpper(words[k].Token[0]) && words[k].Token.Skip(1).Any(char.IsLower)
            && !question.Contains(words[k].Token, StringComparison.OrdinalIgnoreCase) && !analyzer.IsPlace(words[k].Token)
            && !analyzer.IsStopWord(words[k].Token.ToLowerInvariant()) && !OrganisationWords.Contains(words[k].Token)
            && !TextAnalyzer.MonthNames.Contains(words[k].Token.ToLowerInvariant());
        for (int i = 1; i + 1 < words.Count; i++)
        {
            if (!NameWord(i) || !NameWord(i + 1) || words[i + 1].Start - words[i].End > 1) continue;
            if (roleAt.Any(r => r - (i + 1) is > 0 and <= RoleNameWords || i - r is > 0 and <= RoleNameWords)) return true;
        }
        return false;
    }

    private static bool PartOfQuestionName(List<(string Token, int Start, int End)> words, int i, string question)
    {
        static bool Capitalised(string t) => t.Length >= 2 && char.IsUpper(t[0]);
        bool InQuestion(int k) => k >= 0 && k < words.Count && Capitalised(words[k].Token) && question.Contains(words[k].Token, StringComparison.OrdinalIgnoreCase);
        return InQuestion(i + 1) || InQuestion(i - 1);
    }

    /// <summary>
    /// The focus a passage must hold falls as its meaning comes closer to the question's: all of <paramref name="full"/>
    /// up to <see cref="RetrievalOptions.SimilarityRampStart"/>, half of it from <see cref="RetrievalOptions.StrongSimilarity"/>
    /// on, and in between by a straight line — a paraphrased question ("oil money" for "oil revenues") shares fewer words
    /// with its answer but means the same, while one cliff at a single similarity either lets traps through or refuses
    /// paraphrases.
    /// </summary>
    private double RequiredCoverage(double full, double strong, double similarity)
    {
        double start = Math.Min(options.SimilarityRampStart, options.StrongSimilarity);
        if (similarity <= start) return full;
        if (similarity >= options.StrongSimilarity) return Math.Min(full, strong);
        double t = (similarity - start) / (options.StrongSimilarity - start);
        return full + t * (Math.Min(full, strong) - full);
    }

    private static bool RoleOf(string question, string role, string possessor) =>
        System.Text.RegularExpressions.Regex.IsMatch(question,
            $@"\b{System.Text.RegularExpressions.Regex.Escape(role)}\s+of\s+(the\s+)?{System.Text.RegularExpressions.Regex.Escape(possessor)}\b",
            System.Text.RegularExpressions.RegexOptions.IgnoreCase, TimeSpan.FromMilliseconds(100));

    private static bool AsksForRole(QueryAnalysis query) =>
        query.Question.TrimStart().StartsWith("who", StringComparison.OrdinalIgnoreCase);

    private static string Quote(IEnumerable<string> words) => string.Join(", ", words.Select(w => $"'{w}'"));

    private sealed class Candidate(PassageHit hit, double textScore, double? vector, double rrf, FocusHold own)
    {
        public PassageHit Hit { get; } = hit;
        public double TextScore { get; } = textScore;
        public double? Vector { get; } = vector;
        public double Rrf { get; } = rrf;
        public FocusHold Own { get; } = own;
        public FocusHold Window { get; set; } = own;
        public (PassageHit Hit, FocusHold Held)? Before { get; set; }
        public (PassageHit Hit, FocusHold Held)? After { get; set; }
        public double Preliminary { get; set; }
        public double Coverage { get; set; }
        public double WindowCoverage { get; set; }
        public bool NamesHeld { get; set; }
        /// <summary>The window itself holds the question's names (<see cref="NamesHeld"/> also counts another passage of the report).</summary>
        public bool NamesInWindow { get; set; }
        public double Score { get; set; }

        /// <summary>The report's first passage when the window holds it: its opening sentences are the lead.</summary>
        public string? Lead() => Hit.Position == 0 ? Hit.Text : Before is { Hit.Position: 0 } before ? before.Hit.Text : null;

        /// <summary>
        /// The window's sentences in article order, read as one text (the sentence before a passage's first is the last
        /// of the one before it); split once, for every check that reads them.
        /// </summary>
        public IReadOnlyList<string> WindowSentences() => _windowSentences ??= WindowTexts().SelectMany(Articles.SentenceSplitter.Split).ToList();
        private List<string>? _windowSentences;

        /// <summary>The passage's text with its neighbours', in article order: the window a fact may be told in.</summary>
        public IEnumerable<string> WindowTexts()
        {
            if (Before is { } before) yield return before.Hit.Text;
            yield return Hit.Text;
            if (After is { } after) yield return after.Hit.Text;
        }
    }
}
