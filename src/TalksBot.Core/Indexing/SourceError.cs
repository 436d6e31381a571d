namespace TalksBot.Core.Indexing;

/// <summary>One failure while reading a source: when, what (the source or a document of it) and why.</summary>
public sealed record SourceError(DateTimeOffset At, string Location, string Reason);
