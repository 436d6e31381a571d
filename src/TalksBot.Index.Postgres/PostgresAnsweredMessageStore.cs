using Npgsql;
using TalksBot.Core.Chat;
using TalksBot.Core.Conversations;

namespace TalksBot.Index.Postgres;

/// <summary>
/// Which exchange each answer message showed, in the shared database, so a reply to an answer follows up on it
/// whichever instance gets the reply, and after a restart. Kept for <see cref="AnsweredMessages.StoredFor"/>.
/// </summary>
public sealed class PostgresAnsweredMessageStore(PostgresDatabase database) : IAnsweredMessageStore
{
    public Task RememberAsync(string conversationKey, IReadOnlyList<string> messageIds, ConversationTurn turn, CancellationToken cancellationToken) =>
        database.GuardAsync(async () =>
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            // Answers older than kept go as each new one comes (one indexed range delete per answer sent).
            await using var cmd = new NpgsqlCommand("""
                INSERT INTO answered_messages(conversation, message, question, answer, at)
                SELECT @c, m, @q, @a, @at FROM unnest(@m) AS m
                ON CONFLICT(conversation, message) DO UPDATE SET question = excluded.question, answer = excluded.answer, at = excluded.at;
                DELETE FROM answered_messages WHERE at < @before;
                """, connection);
            cmd.Parameters.AddWithValue("c", conversationKey);
            cmd.Parameters.AddWithValue("m", messageIds.ToArray());
            cmd.Parameters.AddWithValue("q", turn.Question);
            cmd.Parameters.AddWithValue("a", turn.Answer);
            cmd.Parameters.AddWithValue("at", turn.At.ToUniversalTime());
            cmd.Parameters.AddWithValue("before", (turn.At - AnsweredMessages.StoredFor).ToUniversalTime());
            await cmd.ExecuteNonQueryAsync(cancellationToken);
        });

    public Task<ConversationTurn?> FindAsync(string conversationKey, string messageId, CancellationToken cancellationToken) =>
        database.GuardAsync(async () =>
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var cmd = new NpgsqlCommand("SELECT question, answer, at FROM answered_messages WHERE conversation = @c AND message = @m", connection);
            cmd.Parameters.AddWithValue("c", conversationKey);
            cmd.Parameters.AddWithValue("m", messageId);
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken)) return null;
            return (ConversationTurn?)new ConversationTurn(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2));
        });
}
