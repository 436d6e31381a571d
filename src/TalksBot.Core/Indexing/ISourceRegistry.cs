namespace TalksBot.Core.Indexing;

/// <summary>The sources the index knows: those a refresh recorded and those moderators added, with how each last went.</summary>
public interface ISourceRegistry
{
    /// <summary>
    /// The <paramref name="configured"/> sources first (in that order, origin "config"), then those moderators added
    /// or gave once on the command line; with an empty list, every source the index has seen.
    /// </summary>
    Task<IReadOnlyList<SourceRecord>> GetSourcesAsync(IReadOnlyList<string> configured, CancellationToken cancellationToken);

    /// <summary>Adds a moderator source; false when it is already known as one.</summary>
    Task<bool> AddSourceAsync(string location, string? kind, CancellationToken cancellationToken);

    /// <summary>
    /// Removes a source that is not configured — moderator-added or given once — with its articles; false when no such
    /// source exists.
    /// </summary>
    Task<bool> RemoveSourceAsync(string location, CancellationToken cancellationToken);
}
