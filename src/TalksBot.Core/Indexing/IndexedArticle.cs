using TalksBot.Core.Articles;

namespace TalksBot.Core.Indexing;

/// <summary>An article as the refresher hands it to the store: cleaned, fingerprinted and split into searchable passages.</summary>
/// <param name="Origin">Where it was read within its source (file path or URL): its key there.</param>
/// <param name="ContentHash">What it was read from, stamped with the indexing version: unchanged when equal.</param>
/// <param name="BodyHash">Its normalized body (<see cref="ContentHash.OfNormalizedBody"/>): the same story from elsewhere has the same.</param>
/// <param name="Url">Its canonical link, trimmed, or null.</param>
/// <param name="Article">Title, outlet, date and the cleaned body.</param>
public sealed record IndexedArticle(
    string Origin, string ContentHash, string BodyHash, string? Url, ArticleDocument Article, IReadOnlyList<IndexedPassage> Passages);
