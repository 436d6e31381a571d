using System.Runtime.CompilerServices;
using TalksBot.Core.Articles;
using TalksBot.Core.Retrieval;

namespace TalksBot.Core.Answering;

/// <summary>
/// The answer without a model: the sentences of the top passages that best match the question, quoted verbatim,
/// each followed by the [n] of its passage. It never writes a word that is not in an article.
/// </summary>
public sealed class ExtractiveAnswerWriter(TextAnalyzer analyzer) : IAnswerWriter
{
    public int MaxSentences { get; init; } = 3;
    public int MaxCharacters { get; init; } = 900;
    public double MinShareOfBest { get; init; } = 0.5;

    public async IAsyncEnumerable<AnswerUpdate> WriteAsync(AnswerRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        yield return AnswerUpdate.Finished(Write(request.Retrieval));
    }

    public Answer Write(RetrievalResult retrieval)
    {
        if (!retrieval.Covered || retrieval.Passages.Count == 0) return Answer.NotCovered();
        var weights = retrieval.TermWeights;
        double total = Math.Max(weights.Values.Sum(), 1e-9);

        var candidates = new List<(RetrievedPassage Passage, string Sentence, double Score, HashSet<string> Terms, double Coverage)>();
        for (int rank = 0; rank < retrieval.Passages.Count; rank++)
        {
            var passage = retrieval.Passages[rank];
            foreach (var sentence in SentenceSplitter.Split(passage.Text))
            {
                int words = PassageSplitter.CountWords(sentence);
                if (words < 5 || words > 90) continue;
                var terms = analyzer.Terms(sentence).ToHashSet(StringComparer.Ordinal);
                double matched = terms.Where(weights.ContainsKey).Sum(t => weights[t]);
                if (matched <= 0 && passage.VectorScore is null) continue;
                // Sentences that hold more of the question rank first; passage rank breaks near-ties.
                double score = matched / total + 0.15 / (rank + 1) + (passage.VectorScore ?? 0) * 0.1;
                candidates.Add((passage, sentence, score, terms, matched / total));
            }
        }
        if (candidates.Count == 0) return Answer.NotCovered();

        var picked = new List<(RetrievedPassage Passage, string Sentence, HashSet<string> Terms)>();
        int length = 0;
        // A sentence earns its place by holding a good share of what the best sentence holds of the question.
        double bestCoverage = candidates.Max(c => c.Coverage);
        foreach (var c in candidates.OrderByDescending(c => c.Score))
        {
            if (picked.Count >= MaxSentences) break;
            if (picked.Count > 0 && c.Coverage < MinShareOfBest * bestCoverage) continue;
            if (picked.Any(p => Similar(p.Terms, c.Terms))) continue;
            if (picked.Count > 0 && length + c.Sentence.Length > MaxCharacters) continue;
            picked.Add((c.Passage, c.Sentence, c.Terms));
            length += c.Sentence.Length;
        }

        var citations = new CitationList();
        var parts = picked.Select(p => $"{p.Sentence} [{citations.NumberFor(p.Passage)}]");
        return new Answer(string.Join(' ', parts), AnswerMode.Extractive, true, citations.Citations);
    }

    // Two scrapes of one story repeat sentences; quoting both says nothing new.
    private static bool Similar(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0) return false;
        int common = a.Count(b.Contains);
        return common >= 0.7 * Math.Min(a.Count, b.Count);
    }
}
