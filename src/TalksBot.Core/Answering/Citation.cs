namespace TalksBot.Core.Answering;

/// <summary>A numbered source of an answer: the passage quoted and the article it belongs to.</summary>
/// <param name="Number">The [n] marker used in the answer text.</param>
/// <param name="Quote">The cited passage's text, verbatim.</param>
/// <param name="Document">Where the article was read: a file path or a URL.</param>
public sealed record Citation(int Number, string Title, string Outlet, string? Url, DateOnly? Published, string Quote, string Document, long PassageId);
