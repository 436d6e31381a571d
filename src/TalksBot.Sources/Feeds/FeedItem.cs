namespace TalksBot.Sources.Feeds;

/// <summary>One entry of a feed: where the article is and what the feed says of it.</summary>
public sealed record FeedItem(string? Title, string? Link, DateOnly? Published, string? Summary, string? Id);
