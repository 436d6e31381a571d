namespace TalksBot.Core.Indexing;

/// <summary>A snapshot of the index for `index status`, /status and health checks.</summary>
public sealed record IndexStatus(
    int Articles,
    int Passages,
    IReadOnlyList<SourceRecord> Sources,
    DateTimeOffset? LastRefresh,
    string DatabasePath,
    long DatabaseBytes)
{
    /// <summary>Errors of the last refresh (per source or per document), newest first.</summary>
    public IReadOnlyList<SourceError> LastRefreshErrors { get; init; } = [];

    /// <summary>Embedding model whose vectors are stored, if any.</summary>
    public string? EmbeddingModel { get; init; }

    /// <summary>Passages that have a vector of <see cref="EmbeddingModel"/>.</summary>
    public int EmbeddedPassages { get; init; }
}
