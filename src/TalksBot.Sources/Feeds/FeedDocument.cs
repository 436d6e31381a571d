namespace TalksBot.Sources.Feeds;

/// <summary>A parsed RSS or Atom feed.</summary>
/// <param name="Format">"RSS 2.0", "RSS 1.0 (RDF)", "Atom 1.0", …</param>
public sealed record FeedDocument(string Format, string? Title, string? Link, IReadOnlyList<FeedItem> Items);
