namespace TalksBot.Core.Retrieval;

/// <summary>A question reduced to what retrieval needs: its distinct index terms and whether it asks for the latest news.</summary>
public sealed record QueryAnalysis(string Question, IReadOnlyList<string> Terms, bool WantsRecent);
