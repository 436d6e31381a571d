namespace TalksBot.Core.Retrieval;

/// <summary>Tuning of retrieval; the defaults were chosen on the evaluation corpus (see README).</summary>
public sealed class RetrievalOptions
{
    /// <summary>Passages handed to the answer writer.</summary>
    public int MaxPassages { get; set; } = 5;

    /// <summary>Candidates read from each search (text and vector) before re-ranking.</summary>
    public int Candidates { get; set; } = 60;

    /// <summary>From this many passages on, search is tiered (all terms first, then selective ones); below, one OR query.</summary>
    public int TieredSearchFromPassages { get; set; } = 5000;

    /// <summary>When at least this many passages hold every question term, they are the candidates (no OR search).</summary>
    public int MinAllTermsHits { get; set; } = 15;

    /// <summary>Terms in more than this share of passages are left out of the OR search (they still weigh in coverage).</summary>
    public double CommonTermShare { get; set; } = 0.15;

    /// <summary>The best passage must hold at least this share of the question's weighted terms, or the question is not covered.</summary>
    public double MinCoverage { get; set; } = 0.5;

    /// <summary>With embeddings, a passage this similar to the question counts as covering it even without shared words (other languages).</summary>
    public double MinVectorSimilarity { get; set; } = 0.5;

    /// <summary>Score taken off a passage for each passage of the same article already chosen (diversity).</summary>
    public double SameArticlePenalty { get; set; } = 0.2;

    /// <summary>Weight of article age when the question asks for the latest news.</summary>
    public double RecencyWeight { get; set; } = 0.35;

    /// <summary>Weight of article age for every question: news ages.</summary>
    public double AgeWeight { get; set; } = 0.05;
}
