using Microsoft.Extensions.Options;
using TalksBot.Core.Indexing;
using TalksBot.Core.Sources;

namespace TalksBot.Core.Moderation;

/// <summary>The sources a refresh reads: those in configuration plus those moderators added (kept in the index).</summary>
public sealed class SourceCatalog(ISourceRegistry index, IArticleSourceFactory factory, IOptions<IndexOptions> options)
{
    /// <summary>Configured locations as sources; one that can't be a source says why when scanned.</summary>
    public IReadOnlyList<IArticleSource> ConfiguredSources() =>
        options.Value.Sources.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => Create(s, null)).ToList();

    public async Task<IReadOnlyList<IArticleSource>> GetSourcesAsync(CancellationToken cancellationToken)
    {
        var (configured, records) = await ResolveAsync(cancellationToken);
        var byLocation = configured.ToDictionary(s => s.Location, StringComparer.Ordinal);
        // A source given for one refresh is listed but not read again until it is given again or added.
        return records.Where(r => r.Origin != SourceOrigins.Given).Select(r => byLocation.TryGetValue(r.Location, out var s) ? s : Create(r.Location, r.Kind)).ToList();
    }

    /// <summary>Every source with its counts; the demo corpus, while it is in use, has origin "samples".</summary>
    public async Task<IReadOnlyList<SourceRecord>> ListAsync(CancellationToken cancellationToken) =>
        (await ResolveAsync(cancellationToken)).Records;

    /// <summary>
    /// The configured sources, or — while nothing is configured or added — the demo corpus in their place. Samples
    /// never mix with an operator's sources: as soon as one exists they are left out, so a full refresh removes them.
    /// </summary>
    private async Task<(IReadOnlyList<IArticleSource> Configured, IReadOnlyList<SourceRecord> Records)> ResolveAsync(CancellationToken cancellationToken)
    {
        var configured = ConfiguredSources();
        IReadOnlyList<SourceRecord> records = await index.GetSourcesAsync(configured.Select(s => s.Location).ToList(), cancellationToken);
        // With nothing configured the index lists every source it has seen; only the added and given ones still are.
        if (configured.Count == 0) records = records.Where(r => r.Origin is SourceOrigins.Added or SourceOrigins.Given).ToList();
        var samples = options.Value.SamplesPath;
        if (configured.Count > 0 || records.Any(r => r.Origin == SourceOrigins.Added) || string.IsNullOrWhiteSpace(samples)) return (configured, records);
        var demo = new[] { Create(samples, "folder") };
        var demoRecords = await index.GetSourcesAsync([demo[0].Location], cancellationToken);
        return (demo, demoRecords.Select(r => r.Location == demo[0].Location ? r with { Origin = SamplesOrigin } : r).ToList());
    }

    /// <summary>The origin of the demo corpus in <see cref="ListAsync"/>.</summary>
    public const string SamplesOrigin = "samples";

    /// <summary>
    /// Stores a moderator's source after checking it makes a source at all. Throws <see cref="ArgumentException"/>
    /// with the reason when it can't; false when it is already known.
    /// </summary>
    public async Task<bool> AddAsync(string location, string? kind, CancellationToken cancellationToken)
    {
        var source = factory.Create(location.Trim(), kind);
        if (ConfiguredSources().Any(s => string.Equals(s.Location, source.Location, StringComparison.Ordinal))) return false;
        return await index.AddSourceAsync(source.Location, kind, cancellationToken);
    }

    public async Task<bool> RemoveAsync(string location, CancellationToken cancellationToken)
    {
        location = location.Trim();
        if (await index.RemoveSourceAsync(location, cancellationToken)) return true;
        // Accept the location in the form it was given when added (a relative folder is stored as a full path).
        var normalized = Create(location, null).Location;
        return normalized != location && await index.RemoveSourceAsync(normalized, cancellationToken);
    }

    private IArticleSource Create(string location, string? kind)
    {
        try
        {
            return factory.Create(location, kind);
        }
        catch (ArgumentException ex)
        {
            return new UnusableSource(location, ex.Message);
        }
    }
}
