namespace TalksBot.Core.Answering;

/// <summary>Writes an answer from retrieved passages; the last update carries the finished answer.</summary>
public interface IAnswerWriter
{
    IAsyncEnumerable<AnswerUpdate> WriteAsync(AnswerRequest request, CancellationToken cancellationToken);
}
