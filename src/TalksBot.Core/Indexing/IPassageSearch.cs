namespace TalksBot.Core.Indexing;

/// <summary>
/// Reading the index to answer questions: passages by analyzed terms (bm25) and by vector, the statistics term
/// weights come from, the vocabulary spelling is corrected against, and a passage's neighbours. Thread-safe; readers
/// see the last committed refresh.
/// </summary>
public interface IPassageSearch
{
    /// <summary>Best passages for a set of analyzed terms, best first (bm25): passages holding any of them, or all of them.</summary>
    Task<IReadOnlyList<PassageHit>> SearchAsync(IReadOnlyList<string> terms, int limit, bool requireAll, CancellationToken cancellationToken);

    /// <summary>In how many passages each term occurs, and how many passages there are: the basis of term weights.</summary>
    Task<TermStatistics> GetTermStatisticsAsync(IReadOnlyList<string> terms, CancellationToken cancellationToken);

    /// <summary>Nearest passages by cosine similarity for a model's vectors; empty when none are stored.</summary>
    Task<IReadOnlyList<PassageHit>> SearchByVectorAsync(ReadOnlyMemory<float> vector, string model, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Every indexed term with the number of passages holding it: the vocabulary a misspelt question word is corrected
    /// against. Implementations keep it between calls until the index changes; callers may cache by reference.
    /// </summary>
    Task<IReadOnlyDictionary<string, long>> GetVocabularyAsync(CancellationToken cancellationToken);

    /// <summary>The passages just before and after each given passage in its article (position ± 1), for passage windows.</summary>
    Task<IReadOnlyList<PassageHit>> GetAdjacentPassagesAsync(IReadOnlyList<long> passageIds, CancellationToken cancellationToken);
}
