namespace TalksBot.Core.Conversations;

/// <summary>Turns a follow-up ("and what about Russia's?") into a standalone question using the conversation so far.</summary>
public interface IQuestionRewriter
{
    /// <returns>The standalone question; the original when it needs no rewriting.</returns>
    Task<string> RewriteAsync(string question, IReadOnlyList<ConversationTurn> history, CancellationToken cancellationToken);
}
