using TalksBot.Core.Articles;

namespace TalksBot.Core.Sources;

/// <summary>One document a source scan found, identified by its origin (file path or URL).</summary>
public abstract record SourceItem(string Origin);

/// <summary>A readable article; <paramref name="ContentHash"/> fingerprints the raw content it was read from.</summary>
public sealed record ArticleFound(string Origin, string ContentHash, ArticleDocument Article) : SourceItem(Origin);

/// <summary>The source knows the document is unchanged (same content hash, or HTTP 304) and did not parse it again.</summary>
public sealed record ArticleUnchanged(string Origin) : SourceItem(Origin);

/// <summary>The document is not an article we can index (empty, binary, too large, undecodable); the reason says which.</summary>
public sealed record ArticleSkipped(string Origin, string Reason) : SourceItem(Origin);

/// <summary>The document could not be read this time (timeout, HTTP error); its stored version, if any, is kept.</summary>
public sealed record ArticleFailed(string Origin, string Reason) : SourceItem(Origin);
