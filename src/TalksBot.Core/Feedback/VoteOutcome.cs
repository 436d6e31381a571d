namespace TalksBot.Core.Feedback;

/// <summary>What a vote did.</summary>
public enum VoteOutcome
{
    Recorded,
    Changed,
    Unchanged,
    /// <summary>The answer is not (or no longer) stored: nothing was recorded.</summary>
    UnknownAnswer,
}
