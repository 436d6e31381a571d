namespace TalksBot.Core.Refresh;

/// <summary>A document a refresh did not index, and why.</summary>
public sealed record SkippedDocument(string Origin, string Reason);
