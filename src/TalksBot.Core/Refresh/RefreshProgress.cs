namespace TalksBot.Core.Refresh;

/// <summary>A refresh as it goes: which source, how many documents seen so far, and the running counts.</summary>
public sealed record RefreshProgress(string Source, int SourceNumber, int SourceCount, int DocumentsSeen, int Added, int Updated, int Unchanged, int Skipped, int Errors)
{
    /// <summary>A phase after reading sources ("embedding", "saving"), or null while reading.</summary>
    public string? Phase { get; init; }

    /// <summary>In the embedding phase: the model, and how many passages of how many are embedded.</summary>
    public string? EmbeddingModel { get; init; }

    public int PassagesEmbedded { get; init; }

    public int PassagesToEmbed { get; init; }
    /// <summary>Documents read from every source so far, this one included (DocumentsSeen counts this source only).</summary>
    public int DocumentsTotal { get; init; }

    /// <summary>The page whose fetch started last, while a web source is read.</summary>
    public string? Fetching { get; init; }
}
