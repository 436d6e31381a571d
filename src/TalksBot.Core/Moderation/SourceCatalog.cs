using Microsoft.Extensions.Options;
using TalksBot.Core.Indexing;
using TalksBot.Core.Sources;

namespace TalksBot.Core.Moderation;

/// <summary>The sources a refresh reads: those in configuration plus those moderators added (kept in the index).</summary>
public sealed class SourceCatalog(IArticleIndex index, IArticleSourceFactory factory, IOptions<IndexOptions> options)
{
    public IReadOnlyList<string> Configured => options.Value.Sources;

    public async Task<IReadOnlyList<IArticleSource>> GetSourcesAsync(CancellationToken cancellationToken)
    {
        var records = await index.GetSourcesAsync(Configured, cancellationToken);
        return records.Select(r => factory.Create(r.Location, r.Kind)).ToList();
    }

    public Task<IReadOnlyList<SourceRecord>> ListAsync(CancellationToken cancellationToken) => index.GetSourcesAsync(Configured, cancellationToken);

    /// <summary>Checks that the location makes a source (the factory refuses what it can't read) and stores it.</summary>
    public async Task<bool> AddAsync(string location, string? kind, CancellationToken cancellationToken)
    {
        var source = factory.Create(location, kind);
        if (Configured.Contains(source.Location, StringComparer.OrdinalIgnoreCase)) return false;
        return await index.AddSourceAsync(source.Location, kind, cancellationToken);
    }

    public async Task<bool> RemoveAsync(string location, CancellationToken cancellationToken)
    {
        if (await index.RemoveSourceAsync(location, cancellationToken)) return true;
        // Accept the location in the form it was added (a relative folder is stored as a full path).
        var normalized = factory.Create(location).Location;
        return normalized != location && await index.RemoveSourceAsync(normalized, cancellationToken);
    }
}
