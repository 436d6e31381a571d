namespace TalksBot.Core.Articles;

/// <summary>An article body with its boilerplate lines dropped, and how many there were (for the refresh report).</summary>
public sealed record CleanedBody(string Text, int DroppedLines);
