using System.ComponentModel.DataAnnotations;

namespace TalksBot.Core.Retrieval;

/// <summary>Tuning of retrieval; the defaults were chosen on the dev set (see README, "Answer quality").</summary>
public sealed class RetrievalOptions
{
    public const string Section = "Retrieval";

    /// <summary>Passages handed to the answer writer (neighbours brought in for a passage window come on top, at most two).</summary>
    [Range(1, 50)]
    public int MaxPassages { get; set; } = 5;

    /// <summary>Candidates read from each search (text and vector) before re-ranking.</summary>
    [Range(1, 1000)]
    public int Candidates { get; set; } = 60;

    /// <summary>From this many passages on, search is tiered (all terms first, then selective ones); below, one OR query.</summary>
    [Range(0, int.MaxValue)]
    public int TieredSearchFromPassages { get; set; } = 5000;

    /// <summary>When at least this many passages hold every question term, they are the candidates (no OR search).</summary>
    [Range(1, 1000)]
    public int MinAllTermsHits { get; set; } = 15;

    /// <summary>Terms in more than this share of passages are left out of the OR search (they still weigh in coverage).</summary>
    [Range(0.0, 1.0)]
    public double CommonTermShare { get; set; } = 0.15;

    /// <summary>A grounding passage (with its neighbours) must hold at least this share of the question's weighted focus.</summary>
    [Range(0.01, 1.0)]
    public double MinCoverage { get; set; } = 0.5;

    /// <summary>With embeddings: a grounding passage must be at least this similar to the question.</summary>
    [Range(-1.0, 1.0)]
    public double MinSimilarity { get; set; } = 0.3;

    /// <summary>With embeddings: this similar, a passage grounds the question with half the usual focus coverage (paraphrases).</summary>
    [Range(-1.0, 1.0)]
    public double StrongSimilarity { get; set; } = 0.7;

    /// <summary>
    /// With embeddings: embed the sentences of the chosen passages so the extractive answer weighs their meaning beside
    /// their words. Off by default: up to 48 sentences through the local model cost about a quarter of a second per
    /// question on 2 cores, for about one more right answer in a hundred on the dev sets (README, "Answer quality").
    /// </summary>
    public bool EmbedAnswerSentences { get; set; }

    /// <summary>
    /// With embeddings: a question whose words a passage holds too little of is still covered by a sentence of it this
    /// similar to the question that holds an answer of the asked type where it answers (a reworded question). Above 1
    /// turns it off. 0.55 on the six question sets: 0.6 loses one right rescue, 0.5 rescues "Who is Ukraine's
    /// ambassador to Japan?" with a sentence about another ambassador.
    /// </summary>
    [Range(-1.0, 2.0)]
    public double AnswerSentenceSimilarity { get; set; } = 0.55;

    /// <summary>With embeddings: from this similarity on, the focus a grounding passage must hold falls linearly to half at <see cref="StrongSimilarity"/>.</summary>
    [Range(-1.0, 1.0)]
    public double SimilarityRampStart { get; set; } = 0.55;

    /// <summary>With embeddings, a question with no indexed word at all (another language) is covered by a passage this similar.</summary>
    [Range(-1.0, 1.0)]
    public double MinVectorSimilarity { get; set; } = 0.5;

    /// <summary>A paraphrase (paraphrases.txt) counts this much of the question word it stands for.</summary>
    [Range(0.0, 1.0)]
    public double ParaphraseWeight { get; set; } = 0.6;

    /// <summary>A place or country named in the question weighs at least this (an idf; common names weigh little otherwise).</summary>
    [Range(0.0, 20.0)]
    public double PlaceMinWeight { get; set; } = 1.5;

    /// <summary>A focus term held only by the passage before or after counts this much.</summary>
    [Range(0.0, 1.0)]
    public double NeighborWeight { get; set; } = 0.8;

    /// <summary>Score taken off a passage for each passage of the same article already chosen, when it adds no focus term of its own.</summary>
    [Range(0.0, 10.0)]
    public double SameArticlePenalty { get; set; } = 0.2;

    /// <summary>Weight of article age when the question asks for the latest news.</summary>
    [Range(0.0, 10.0)]
    public double RecencyWeight { get; set; } = 0.5;

    /// <summary>Weight of article age when the question asks who holds a role now ("Who is the NATO secretary general?").</summary>
    [Range(0.0, 10.0)]
    public double CurrentHolderWeight { get; set; } = 0.4;

    /// <summary>Weight of article age for every question: news ages.</summary>
    [Range(0.0, 10.0)]
    public double AgeWeight { get; set; } = 0.05;
}
