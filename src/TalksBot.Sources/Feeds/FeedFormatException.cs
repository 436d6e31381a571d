namespace TalksBot.Sources.Feeds;

/// <summary>A document that isn't a readable feed; the message says what is wrong and where.</summary>
public sealed class FeedFormatException(string message, Exception? inner = null) : Exception(message, inner);
