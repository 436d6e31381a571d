namespace TalksBot.Core.Feedback;

/// <summary>Counts of current votes and the latest 👎 (newest first), for moderators.</summary>
public sealed record FeedbackSummary(int Up, int Down, IReadOnlyList<FeedbackVote> LatestDown)
{
    public static FeedbackSummary Empty { get; } = new(0, 0, []);
}
