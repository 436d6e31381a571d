using TalksBot.Core.Conversations;

namespace TalksBot.Core.Chat;

/// <summary>
/// Which exchange each of the bot's answer messages showed, kept where it outlives the process and is shared by every
/// instance (the state file beside a SQLite index, or PostgreSQL), so a reply to an answer sent before a restart, or by
/// another instance, still follows up on that answer's question. Bounded by the store.
/// </summary>
public interface IAnsweredMessageStore
{
    Task RememberAsync(string conversationKey, IReadOnlyList<string> messageIds, ConversationTurn turn, CancellationToken cancellationToken);

    /// <summary>The exchange a message of this conversation showed, or null when the store doesn't know it.</summary>
    Task<ConversationTurn?> FindAsync(string conversationKey, string messageId, CancellationToken cancellationToken);
}
