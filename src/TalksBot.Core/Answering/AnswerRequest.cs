using TalksBot.Core.Conversations;
using TalksBot.Core.Retrieval;

namespace TalksBot.Core.Answering;

/// <summary>Everything an answer writer gets: the question, what retrieval found for it, and the conversation so far.</summary>
public sealed record AnswerRequest(string Question, RetrievalResult Retrieval, IReadOnlyList<ConversationTurn> History)
{
    /// <summary>The question as the user wrote it, when a follow-up or another language was rewritten for retrieval.</summary>
    public string? OriginalQuestion { get; init; }
}
