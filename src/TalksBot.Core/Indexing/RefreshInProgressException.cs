namespace TalksBot.Core.Indexing;

/// <summary>Another refresh holds the index (this process or another one on the same database).</summary>
public sealed class RefreshInProgressException(string message) : Exception(message);
