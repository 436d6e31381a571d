namespace TalksBot.Core.Sources;

/// <summary>A whole source can't be read (folder missing, feed unreachable or malformed); the message says why.</summary>
public sealed class SourceUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
