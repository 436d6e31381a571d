using TalksBot.Core.Retrieval;

namespace TalksBot.Core.Answering.Llm;

/// <summary>
/// The numbered passages a model was shown while writing one answer: those retrieved for the question, then any it
/// found by searching again. A marker [n] is valid only when n is one of these; a passage found twice keeps its first
/// number. Safe to add to while the answer streams.
/// </summary>
public sealed class CitablePassages
{
    private readonly List<RetrievedPassage> _passages;
    private readonly Lock _lock = new();

    public CitablePassages(IEnumerable<RetrievedPassage> shown) => _passages = shown.ToList();

    public int Count
    {
        get { lock (_lock) return _passages.Count; }
    }

    public IReadOnlyList<RetrievedPassage> Snapshot()
    {
        lock (_lock) return _passages.ToList();
    }

    /// <summary>Numbers passages found by a further search (1-based, after those already shown).</summary>
    public IReadOnlyList<(int Number, RetrievedPassage Passage)> Add(IEnumerable<RetrievedPassage> found)
    {
        lock (_lock)
        {
            var numbered = new List<(int, RetrievedPassage)>();
            foreach (var passage in found)
            {
                int index = _passages.FindIndex(p => p.Hit.PassageId == passage.Hit.PassageId);
                if (index < 0)
                {
                    _passages.Add(passage);
                    index = _passages.Count - 1;
                }
                if (!numbered.Exists(n => n.Item1 == index + 1)) numbered.Add((index + 1, _passages[index]));
            }
            return numbered;
        }
    }
}
