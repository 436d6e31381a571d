namespace TalksBot.Core.Retrieval;

/// <summary>A content word of a question as typed, with its index term and what its spelling tells about it.</summary>
/// <param name="Capitalized">Written with a capital where a sentence doesn't start (or in capitals): a name.</param>
/// <param name="Possessive">Followed by 's ("Ukraine's ambassador"): it belongs with the next word.</param>
/// <param name="HyphenNext">Joined to the next word by a hyphen ("Milan-Cortina"): one name.</param>
public sealed record QuestionWord(string Token, string Term, int Index, bool Capitalized, bool Possessive, bool HyphenNext)
{
    /// <summary>The next content word follows with only a space between (no stop word, no punctuation).</summary>
    public bool NextAdjacent { get; init; }
}
