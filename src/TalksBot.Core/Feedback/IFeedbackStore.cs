namespace TalksBot.Core.Feedback;

/// <summary>
/// Answers given in chat and the votes on them, durable beside the index (SQLite's state file; a PostgreSQL adapter
/// can implement the same). One vote per user per answer: voting again replaces it.
/// </summary>
public interface IFeedbackStore
{
    Task RememberAnswerAsync(AnswerRecord answer, CancellationToken cancellationToken);

    /// <returns><see cref="VoteOutcome.UnknownAnswer"/> when the answer is not stored; nothing is recorded then.</returns>
    Task<VoteOutcome> VoteAsync(string answerId, string userKey, Vote vote, DateTimeOffset at, CancellationToken cancellationToken);

    /// <param name="latestDown">How many of the newest 👎 to include.</param>
    Task<FeedbackSummary> SummarizeAsync(int latestDown, CancellationToken cancellationToken);
}
