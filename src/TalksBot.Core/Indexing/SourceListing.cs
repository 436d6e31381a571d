namespace TalksBot.Core.Indexing;

/// <summary>
/// The order sources are listed in, whichever store holds them: configured sources first (in configuration order,
/// each as a configured one), then those moderators added or a refresh was once given; with no configured list, every
/// source the index has recorded, in the order it recorded them.
/// </summary>
public static class SourceListing
{
    /// <param name="recorded">The sources the index has a record of, oldest first.</param>
    /// <param name="configured">The configured sources' locations.</param>
    /// <param name="unrecorded">The listing of a configured source the index has no record of yet.</param>
    public static IReadOnlyList<SourceRecord> Arrange(IReadOnlyList<SourceRecord> recorded, IReadOnlyList<string> configured, Func<string, SourceRecord> unrecorded)
    {
        if (configured.Count == 0) return recorded;
        var byLocation = recorded.ToDictionary(r => r.Location, StringComparer.Ordinal);
        var result = new List<SourceRecord>();
        foreach (var location in configured.Distinct(StringComparer.Ordinal))
        {
            result.Add(byLocation.TryGetValue(location, out var r) ? r with { Origin = SourceOrigins.Config } : unrecorded(location));
        }
        result.AddRange(recorded.Where(r => r.Origin is SourceOrigins.Added or SourceOrigins.Given && !configured.Contains(r.Location)));
        return result;
    }
}
