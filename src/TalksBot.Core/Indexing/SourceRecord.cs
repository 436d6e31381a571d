namespace TalksBot.Core.Indexing;

/// <summary>A source the index knows: from configuration or added by a moderator, with how its last refresh went.</summary>
/// <param name="Location">Folder path or URL, as given.</param>
/// <param name="Origin">"config" or "added" (by a moderator, stored in the index).</param>
public sealed record SourceRecord(
    string Location,
    string Origin,
    int Articles,
    DateOnly? NewestArticle,
    DateTimeOffset? LastSuccess,
    SourceError? LastError)
{
    /// <summary>Explicit kind when given ("folder", "feed", "page"); null means detect.</summary>
    public string? Kind { get; init; }

    /// <summary>The outlets among the source's articles, most articles first, with each one's newest date.</summary>
    public IReadOnlyList<(string Outlet, int Articles, DateOnly? Newest)> Outlets { get; init; } = [];
}
