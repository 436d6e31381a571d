namespace TalksBot.Sources.Parsing;

/// <summary>A document that can't be read as an article; the message says what is wrong with it.</summary>
public sealed class ArticleFormatException(string message, Exception? inner = null) : Exception(message, inner);
