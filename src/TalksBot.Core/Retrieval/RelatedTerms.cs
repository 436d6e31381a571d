namespace TalksBot.Core.Retrieval;

/// <summary>
/// Terms the paraphrase table relates to a question term (<paramref name="Term"/> is in the question), or to a phrase of
/// the question that has no content word of its own ("by when" → deadline; <paramref name="Term"/> is then the phrase's concept).
/// </summary>
public sealed record RelatedTerms(string Term, IReadOnlyList<string> Alternatives, bool FromPhrase);
