using Npgsql;
using TalksBot.Core.Conversations;

namespace TalksBot.Index.Postgres;

/// <summary>Conversation turns in the shared database, so a follow-up has its history whichever instance gets it.</summary>
public sealed class PostgresConversationStore(PostgresDatabase database) : IConversationStore
{
    private long _writes;

    public Task<IReadOnlyList<ConversationTurn>> RecentAsync(string conversationKey, int maxTurns, DateTimeOffset since, CancellationToken cancellationToken) =>
        database.GuardAsync(async () =>
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var cmd = new NpgsqlCommand("""
                SELECT question, answer, at FROM (
                    SELECT seq, question, answer, at FROM conversation_turns
                    WHERE conversation = @c AND at >= @since ORDER BY seq DESC LIMIT @n) t
                ORDER BY seq
                """, connection);
            cmd.Parameters.AddWithValue("c", conversationKey);
            cmd.Parameters.AddWithValue("since", since.ToUniversalTime());
            cmd.Parameters.AddWithValue("n", maxTurns);
            var turns = new List<ConversationTurn>();
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                turns.Add(new ConversationTurn(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2)));
            }
            return (IReadOnlyList<ConversationTurn>)turns;
        });

    public Task RememberAsync(string conversationKey, ConversationTurn turn, int maxTurns, DateTimeOffset forgetBefore, CancellationToken cancellationToken) =>
        database.GuardAsync(async () =>
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var cmd = new NpgsqlCommand("""
                INSERT INTO conversation_turns(conversation, at, question, answer) VALUES(@c, @at, @q, @a);
                DELETE FROM conversation_turns WHERE conversation = @c AND seq NOT IN (
                    SELECT seq FROM conversation_turns WHERE conversation = @c ORDER BY seq DESC LIMIT @n);
                """, connection);
            cmd.Parameters.AddWithValue("c", conversationKey);
            cmd.Parameters.AddWithValue("at", turn.At.ToUniversalTime());
            cmd.Parameters.AddWithValue("q", turn.Question);
            cmd.Parameters.AddWithValue("a", turn.Answer);
            cmd.Parameters.AddWithValue("n", maxTurns);
            await cmd.ExecuteNonQueryAsync(cancellationToken);
            // Conversations nobody continues are forgotten now and then, not on every turn.
            if (Interlocked.Increment(ref _writes) % 200 == 1)
            {
                await using var sweep = new NpgsqlCommand("DELETE FROM conversation_turns WHERE at < @before", connection);
                sweep.Parameters.AddWithValue("before", forgetBefore.ToUniversalTime());
                await sweep.ExecuteNonQueryAsync(cancellationToken);
            }
        });
}
