using TalksBot.Core.Answering;

namespace TalksBot.Core.Conversations;

/// <summary>
/// A chat question to its answer updates, the last one final; never throws. The seam between the chat front end and
/// <see cref="ConversationPipeline"/>, so front-end tests can script the updates.
/// </summary>
public interface IConversationPipeline
{
    IAsyncEnumerable<AnswerUpdate> AskAsync(ChatQuestion question, CancellationToken cancellationToken);
}
