using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TalksBot.Core.Conversations;

namespace TalksBot.Core.Chat;

/// <summary>
/// Which exchange each of the bot's answer messages showed, per conversation, so a reply to an older answer follows up
/// on that answer's question rather than the conversation's last one. Held in this process and bounded (the oldest
/// go first), and written through to an <see cref="IAnsweredMessageStore"/> when there is one, which answers for
/// messages this process doesn't hold (sent before a restart, or by another instance). A store that fails costs only
/// that: the reply is read against the conversation's last question, as any follow-up is.
/// </summary>
public sealed class AnsweredMessages(int capacity = 10_000, IAnsweredMessageStore? store = null, ILogger<AnsweredMessages>? logger = null)
{
    /// <summary>How long a store keeps an answered message: a reply to an older answer is read as any follow-up is.</summary>
    public static readonly TimeSpan StoredFor = TimeSpan.FromDays(30);

    private readonly object _lock = new();
    private readonly Dictionary<(string Conversation, string Message), ConversationTurn> _turns = [];
    private readonly Queue<(string Conversation, string Message)> _order = new();
    private readonly ILogger _logger = logger ?? NullLogger<AnsweredMessages>.Instance;

    public async Task RememberAsync(string conversationKey, IReadOnlyList<string> messageIds, ConversationTurn turn, CancellationToken cancellationToken)
    {
        if (messageIds.Count == 0) return;
        Remember(conversationKey, messageIds, turn);
        if (store is null) return;
        try
        {
            await store.RememberAsync(conversationKey, messageIds, turn, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogAnsweredMessageStoreFailed("remember", ex.Message);
        }
    }

    public async Task<ConversationTurn?> FindAsync(string conversationKey, string? messageId, CancellationToken cancellationToken)
    {
        if (messageId is null) return null;
        if (Find(conversationKey, messageId) is { } held) return held;
        if (store is null) return null;
        try
        {
            return await store.FindAsync(conversationKey, messageId, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogAnsweredMessageStoreFailed("find", ex.Message);
            return null;
        }
    }

    /// <summary>Held in this process only.</summary>
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

    /// <summary>Held in this process only.</summary>
    public ConversationTurn? Find(string conversationKey, string? messageId)
    {
        if (messageId is null) return null;
        lock (_lock) return _turns.GetValueOrDefault((conversationKey, messageId));
    }
}
