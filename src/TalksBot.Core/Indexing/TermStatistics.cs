namespace TalksBot.Core.Indexing;

/// <summary>Document frequencies of terms over passages.</summary>
public sealed record TermStatistics(long TotalPassages, IReadOnlyDictionary<string, long> DocumentFrequency);
