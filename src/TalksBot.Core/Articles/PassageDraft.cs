namespace TalksBot.Core.Articles;

/// <summary>A passage cut from an article before it is stored: its position in the article and its verbatim text.</summary>
public sealed record PassageDraft(int Position, string Text, int WordCount);
