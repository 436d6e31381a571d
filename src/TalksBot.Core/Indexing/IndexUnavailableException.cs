namespace TalksBot.Core.Indexing;

/// <summary>The index database cannot be opened or read (corrupt, not a database, no permission).</summary>
public sealed class IndexUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
