using TalksBot.Core.Indexing;

namespace TalksBot.Core.Refresh;

/// <summary>What a refresh did: counts per outcome, skipped documents with reasons, and errors per source.</summary>
public sealed record RefreshReport
{
    public int Added { get; init; }
    public int Updated { get; init; }
    public int Removed { get; init; }
    public int Unchanged { get; init; }
    public int Duplicates { get; init; }
    public int Embedded { get; init; }
    /// <summary>Lines of navigation, captions, prompts, cookie text and link lists dropped from article bodies before splitting.</summary>
    public int BoilerplateLinesDropped { get; init; }
    /// <summary>The embedding model of this refresh, or null when embeddings are off.</summary>
    public string? EmbeddingModel { get; init; }
    public IReadOnlyList<SkippedDocument> Skipped { get; init; } = [];
    public IReadOnlyList<SourceError> Errors { get; init; } = [];
    public TimeSpan Elapsed { get; init; }
}
