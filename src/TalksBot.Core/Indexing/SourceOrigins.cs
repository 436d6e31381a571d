namespace TalksBot.Core.Indexing;

/// <summary>How a source came to be known to the index (<see cref="SourceRecord.Origin"/>).</summary>
public static class SourceOrigins
{
    /// <summary>Read by a full refresh: from configuration (or the demo corpus). Dropped from it, its articles go at the next full refresh.</summary>
    public const string Config = "config";

    /// <summary>Added by a moderator (`source add`): read by every full refresh until removed.</summary>
    public const string Added = "added";

    /// <summary>Given for one refresh (`index refresh --source X`): its articles stay until it is rescanned or removed.</summary>
    public const string Given = "given";
}
