namespace TalksBot.Core.Indexing;

/// <summary>
/// One index implementation playing every role. Consumers take the narrowest role they need (<see cref="IPassageSearch"/>,
/// <see cref="ISourceRegistry"/>, <see cref="IIndexStore"/>); adapters implement this and register it with
/// <see cref="IndexServiceCollectionExtensions.AddArticleIndex"/>. Indexing policy (what is unchanged, what is a
/// duplicate, which words are searchable) lives in Core's refresher, not here: an implementation stores and searches.
/// </summary>
public interface IArticleIndex : IPassageSearch, ISourceRegistry, IIndexStore;
