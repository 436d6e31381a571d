namespace TalksBot.Core.Indexing;

/// <summary>What storing one article did.</summary>
public enum UpsertOutcome
{
    Added,
    Updated,
    Unchanged,
    /// <summary>The same article (same URL or same normalized body) is already stored from another origin.</summary>
    Duplicate,
}
