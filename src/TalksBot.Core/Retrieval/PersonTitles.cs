namespace TalksBot.Core.Retrieval;

/// <summary>
/// Titles written before a person's name ("Prime Minister Halvard Brenn", "Pope Francis", "Mr Adler"): roles, not part of
/// the name. One list for the three places that need it: the names a passage must hold, the name a pronoun stands for,
/// and the words allowed between a verb of saying and its speaker.
/// </summary>
public static class PersonTitles
{
    public static bool Contains(string word) => Words.Contains(word);

    /// <summary>The titles, lowercase.</summary>
    public static IEnumerable<string> All => Words;

    private static readonly HashSet<string> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        "president", "prime", "minister", "foreign", "secretary", "chancellor", "ambassador", "envoy", "spokesman", "spokeswoman",
        "spokesperson", "deputy", "vice", "defence", "defense", "senator", "governor", "mayor", "chief", "mr", "mrs", "ms", "dr", "sir",
        "lady", "prince", "princess", "king", "queen", "duke", "duchess", "pope", "patriarch", "ayatollah", "sheikh", "emir", "imam",
        "rabbi", "cardinal", "archbishop", "bishop", "metropolitan", "general", "admiral", "marshal", "colonel", "lieutenant",
        "commander", "captain", "sergeant",
    };
}
