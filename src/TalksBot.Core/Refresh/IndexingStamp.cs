using TalksBot.Core.Indexing;
using TalksBot.Core.Retrieval;

namespace TalksBot.Core.Refresh;

/// <summary>
/// Stamps a stored content hash with the indexing version (term analysis, boilerplate rules, splitting), so an article
/// indexed under an older version looks changed to its source's next scan and is read and split again.
/// </summary>
public static class IndexingStamp
{
    private const string Separator = "@v";

    public static string Stamp(string contentHash) => contentHash + Separator + TextAnalyzer.IndexingVersion;

    /// <summary>The stored articles with their bare content hash, or an empty one where the stamp is not current.</summary>
    public static IReadOnlyDictionary<string, StoredArticle> Current(IReadOnlyDictionary<string, StoredArticle> stored)
    {
        var suffix = Separator + TextAnalyzer.IndexingVersion;
        return stored.ToDictionary(
            kv => kv.Key,
            kv => kv.Value with { ContentHash = kv.Value.ContentHash.EndsWith(suffix, StringComparison.Ordinal) ? kv.Value.ContentHash[..^suffix.Length] : "" },
            StringComparer.Ordinal);
    }
}
