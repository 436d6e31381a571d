namespace TalksBot.Core.Indexing;

/// <summary>How reading one source went in a refresh.</summary>
/// <param name="Succeeded">The source could be read (some of its documents may still have failed: <paramref name="Errors"/>).</param>
/// <param name="Origin">What the source is when it has no record yet (<see cref="SourceOrigins"/>).</param>
public sealed record SourceScanResult(string Location, DateTimeOffset At, IReadOnlyList<SourceError> Errors, bool Succeeded, string Origin);
