using TalksBot.Core.Indexing;

namespace TalksBot.Core.Sources;

/// <summary>What a scan may know of the index, so unchanged documents are neither parsed nor fetched again.</summary>
public sealed class SourceScanContext(IReadOnlyDictionary<string, StoredArticle> stored)
{
    public static SourceScanContext Empty { get; } = new(new Dictionary<string, StoredArticle>());

    /// <summary>Articles stored for this source, keyed by origin.</summary>
    public IReadOnlyDictionary<string, StoredArticle> Stored { get; } = stored;

    public string? StoredHash(string origin) => Stored.TryGetValue(origin, out var a) ? a.ContentHash : null;

    /// <summary>Told the URL of each page as its fetch starts (from any thread), so progress can show what is being fetched.</summary>
    public Action<string>? Fetching { get; init; }

    public bool IsStored(string origin) => Stored.ContainsKey(origin);
}
