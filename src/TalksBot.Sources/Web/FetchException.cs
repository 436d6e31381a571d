namespace TalksBot.Sources.Web;

/// <summary>A URL could not be fetched or was refused; the message says which URL and why.</summary>
public sealed class FetchException(string message, Exception? inner = null) : Exception(message, inner);
