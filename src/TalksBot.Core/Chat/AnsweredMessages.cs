using TalksBot.Core.Conversations;

namespace TalksBot.Core.Chat;

/// <summary>
/// Which exchange each of the bot's answer messages showed, per conversation, so a reply to an older answer follows up
/// on that answer's question rather than the conversation's last one. Held in this process and bounded (the oldest
/// go first): a reply to an answer it no longer knows, or that another instance sent, is read against the
/// conversation's last question, as any follow-up is.
/// </summary>
public sealed class AnsweredMessages(int capacity = 10_000)
{
    private readonly object _lock = new();
    private readonly Dictionary<(string Conversation, string Message), ConversationTurn> _turns = [];
    private readonly Queue<(string Conversation, string Message)> _order = new();

    public void Remember(string conversationKey, IEnumerable<string> messageIds, ConversationTurn turn)
    {
        lock (_lock)
        {
            foreach (var id in messageIds)
            {
                var key = (conversationKey, id);
                if (_turns.TryAdd(key, turn)) _order.Enqueue(key);
                else _turns[key] = turn;
            }
            while (_turns.Count > capacity && _order.TryDequeue(out var oldest)) _turns.Remove(oldest);
        }
    }

    public ConversationTurn? Find(string conversationKey, string? messageId)
    {
        if (messageId is null) return null;
        lock (_lock) return _turns.GetValueOrDefault((conversationKey, messageId));
    }
}
