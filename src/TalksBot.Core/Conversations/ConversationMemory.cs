using System.Collections.Concurrent;

namespace TalksBot.Core.Conversations;

/// <summary>
/// The last few turns of each conversation, bounded by count and age, so follow-ups can be understood.
/// In memory: a restart forgets conversations, which only costs the context of a follow-up. With a shared
/// <see cref="IConversationStore"/> (several instances on PostgreSQL) the turns live there instead.
/// </summary>
public sealed class ConversationMemory(int maxTurns, TimeSpan maxAge, TimeProvider time, int maxConversations = 10_000, IConversationStore? store = null)
{
    private readonly ConcurrentDictionary<string, List<ConversationTurn>> _turns = new();

    public IReadOnlyList<ConversationTurn> Recent(string conversationKey)
    {
        if (!_turns.TryGetValue(conversationKey, out var list)) return [];
        var cutoff = time.GetUtcNow() - maxAge;
        lock (list)
        {
            list.RemoveAll(t => t.At < cutoff);
            return list.ToArray();
        }
    }

    public async Task<IReadOnlyList<ConversationTurn>> RecentAsync(string conversationKey, CancellationToken cancellationToken)
    {
        if (store is null || maxTurns == 0) return Recent(conversationKey);
        return await store.RecentAsync(conversationKey, maxTurns, time.GetUtcNow() - maxAge, cancellationToken);
    }

    public async Task RememberAsync(string conversationKey, string question, string answer, CancellationToken cancellationToken)
    {
        if (store is null || maxTurns == 0)
        {
            Remember(conversationKey, question, answer);
            return;
        }
        var now = time.GetUtcNow();
        await store.RememberAsync(conversationKey, new ConversationTurn(question, answer, now), maxTurns, now - maxAge, cancellationToken);
    }

    public void Remember(string conversationKey, string question, string answer)
    {
        if (maxTurns == 0) return;
        var list = _turns.GetOrAdd(conversationKey, _ => new List<ConversationTurn>());
        lock (list)
        {
            list.Add(new ConversationTurn(question, answer, time.GetUtcNow()));
            if (list.Count > maxTurns) list.RemoveRange(0, list.Count - maxTurns);
        }
        if (_turns.Count > maxConversations) ForgetOldest();
    }

    private void ForgetOldest()
    {
        var cutoff = time.GetUtcNow() - maxAge;
        foreach (var (key, list) in _turns)
        {
            lock (list)
            {
                if (list.Count == 0 || list[^1].At < cutoff) _turns.TryRemove(key, out _);
            }
        }
        // Still too many live conversations: drop the least recently active.
        int excess = _turns.Count - maxConversations;
        if (excess <= 0) return;
        foreach (var key in _turns.OrderBy(kv => kv.Value.Count == 0 ? DateTimeOffset.MinValue : kv.Value[^1].At).Take(excess).Select(kv => kv.Key).ToList())
        {
            _turns.TryRemove(key, out _);
        }
    }
}
