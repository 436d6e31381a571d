namespace TalksBot.Core.Retrieval;

/// <summary>
/// Question terms that belong together and must be found together: a name of several words ("Abu Dhabi", "Grand Prix",
/// "Milan-Cortina") as consecutive terms, or a possessive ("Ukraine's ambassador") within a few terms of each other.
/// </summary>
public sealed record FocusPhrase(IReadOnlyList<string> Terms, bool IsName, int MaxGap);
