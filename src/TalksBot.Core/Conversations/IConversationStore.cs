namespace TalksBot.Core.Conversations;

/// <summary>
/// Conversation turns kept where every instance sees them, so a follow-up answered by another instance still has its
/// history. Without one, <see cref="ConversationMemory"/> keeps turns in the process.
/// </summary>
public interface IConversationStore
{
    /// <summary>The last <paramref name="maxTurns"/> turns of a conversation at or after <paramref name="since"/>, oldest first.</summary>
    Task<IReadOnlyList<ConversationTurn>> RecentAsync(string conversationKey, int maxTurns, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Adds a turn, keeping the conversation's last <paramref name="maxTurns"/> and forgetting every turn before <paramref name="forgetBefore"/>.</summary>
    Task RememberAsync(string conversationKey, ConversationTurn turn, int maxTurns, DateTimeOffset forgetBefore, CancellationToken cancellationToken);
}
