using Microsoft.Extensions.Logging;

namespace TalksBot.Core.Retrieval;

/// <summary>
/// Retrieval's log events (ids 1401–1499). An embedding failure is a Warning: the question is still answered, by its
/// words alone.
/// </summary>
internal static partial class RetrievalLog
{
    [LoggerMessage(EventId = 1401, EventName = "QuestionEmbeddingFailed", Level = LogLevel.Warning,
        Message = "Question embedding failed, using keyword search only: {Reason}")]
    public static partial void LogQuestionEmbeddingFailed(this ILogger logger, string reason);

    [LoggerMessage(EventId = 1402, EventName = "SentenceEmbeddingFailed", Level = LogLevel.Warning,
        Message = "Sentence embedding failed, choosing the answer's sentences by their words only: {Reason}")]
    public static partial void LogSentenceEmbeddingFailed(this ILogger logger, string reason);

    [LoggerMessage(EventId = 1403, EventName = "Candidate", Level = LogLevel.Debug,
        Message = "Candidate {Article}#{Position}: score {Score:0.000} rrf {Rrf:0.00} coverage {Coverage:0.00} window {Window:0.00} vector {Vector:0.00} names {Names}")]
    public static partial void LogCandidate(this ILogger logger, string article, int position, double score, double rrf, double coverage, double window, double? vector, bool names);

    [LoggerMessage(EventId = 1404, EventName = "Chosen", Level = LogLevel.Debug,
        Message = "Chosen {Article}#{Position}: score {Score:0.000}, with {Neighbors} neighbouring passage(s)")]
    public static partial void LogChosen(this ILogger logger, string article, int position, double score, int neighbors);
}
