using TalksBot.Core.Retrieval;

namespace TalksBot.Core.Answering;

/// <summary>Numbers cited passages 1..n in order of first use and builds their citations.</summary>
public sealed class CitationList
{
    private readonly Dictionary<long, int> _numbers = new();
    private readonly List<Citation> _citations = new();

    public IReadOnlyList<Citation> Citations => _citations;

    /// <summary>The marker number for a passage, assigning the next one on first use.</summary>
    public int NumberFor(RetrievedPassage passage)
    {
        if (_numbers.TryGetValue(passage.Hit.PassageId, out var n)) return n;
        n = _citations.Count + 1;
        _numbers[passage.Hit.PassageId] = n;
        var a = passage.Article;
        _citations.Add(new Citation(n, a.Title, a.Outlet, a.Url, a.Published, passage.Text, a.Origin, passage.Hit.PassageId));
        return n;
    }
}
