namespace TalksBot.Sources.Web;

/// <summary>What a fetch brought back: the body (null when the server said 304 Not Modified) and where it ended up.</summary>
public sealed record FetchResult(Uri RequestedUrl, Uri FinalUrl, bool NotModified, string? ContentType, byte[]? Body);
