using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using TalksBot.Core.Answering;
using TalksBot.Core.Feedback;

namespace TalksBot.Index.Postgres;

/// <summary>
/// Answers given in chat and the votes on them, in the shared database: a vote counts whichever instance gave the
/// answer or receives the button press. Answers nobody voted on are forgotten after <see cref="KeepUnvoted"/>.
/// </summary>
public sealed class PostgresFeedbackStore(PostgresDatabase database) : IFeedbackStore
{
    public static readonly TimeSpan KeepUnvoted = TimeSpan.FromDays(90);

    public Task RememberAnswerAsync(AnswerRecord answer, CancellationToken cancellationToken) => database.GuardAsync(async () =>
    {
        var citations = JsonSerializer.Serialize(answer.Citations.Select(c => new { n = c.Number, title = c.Title, outlet = c.Outlet, url = c.Url, document = c.Document, passage = c.PassageId }));
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var cmd = new NpgsqlCommand("""
            INSERT INTO feedback_answer(id, conversation, question, mode, grounded, citations, at) VALUES(@id, @c, @q, @m, @g, @cit, @at)
            ON CONFLICT(id) DO NOTHING;
            DELETE FROM feedback_answer a WHERE a.at < @cutoff AND NOT EXISTS (SELECT 1 FROM feedback_vote v WHERE v.answer_id = a.id);
            """, connection);
        cmd.Parameters.AddWithValue("id", answer.Id);
        cmd.Parameters.AddWithValue("c", answer.ConversationKey);
        cmd.Parameters.AddWithValue("q", answer.Question);
        cmd.Parameters.AddWithValue("m", answer.Mode == AnswerMode.Llm ? "llm" : "extractive");
        cmd.Parameters.AddWithValue("g", answer.Grounded);
        cmd.Parameters.Add(new NpgsqlParameter("cit", NpgsqlDbType.Jsonb) { Value = citations });
        cmd.Parameters.AddWithValue("at", answer.At.ToUniversalTime());
        cmd.Parameters.AddWithValue("cutoff", (answer.At - KeepUnvoted).ToUniversalTime());
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    });

    public Task<VoteOutcome> VoteAsync(string answerId, string userKey, Vote vote, DateTimeOffset at, CancellationToken cancellationToken) => database.GuardAsync(async () =>
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        int? previous;
        await using (var read = new NpgsqlCommand("""
            SELECT v.vote FROM feedback_answer a LEFT JOIN feedback_vote v ON v.answer_id = a.id AND v.user_key = @u
            WHERE a.id = @a FOR UPDATE OF a
            """, connection, tx))
        {
            read.Parameters.AddWithValue("a", answerId);
            read.Parameters.AddWithValue("u", userKey);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken)) return VoteOutcome.UnknownAnswer;
            previous = reader.IsDBNull(0) ? null : reader.GetInt16(0);
        }
        if (previous == (int)vote) return VoteOutcome.Unchanged;
        await using (var write = new NpgsqlCommand("""
            INSERT INTO feedback_vote(answer_id, user_key, vote, at) VALUES(@a, @u, @v, @at)
            ON CONFLICT(answer_id, user_key) DO UPDATE SET vote = excluded.vote, at = excluded.at
            """, connection, tx))
        {
            write.Parameters.AddWithValue("a", answerId);
            write.Parameters.AddWithValue("u", userKey);
            write.Parameters.AddWithValue("v", (short)vote);
            write.Parameters.AddWithValue("at", at.ToUniversalTime());
            await write.ExecuteNonQueryAsync(cancellationToken);
        }
        await tx.CommitAsync(cancellationToken);
        return previous is null ? VoteOutcome.Recorded : VoteOutcome.Changed;
    });

    public Task<FeedbackSummary> SummarizeAsync(int latestDown, CancellationToken cancellationToken) => database.GuardAsync(async () =>
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var cmd = new NpgsqlCommand("""
            SELECT count(*) FILTER (WHERE vote = 1), count(*) FILTER (WHERE vote = -1) FROM feedback_vote;
            SELECT v.answer_id, v.user_key, v.at, a.question, a.mode, a.grounded, jsonb_array_length(a.citations)
            FROM feedback_vote v JOIN feedback_answer a ON a.id = v.answer_id
            WHERE v.vote = -1 ORDER BY v.at DESC LIMIT @n;
            """, connection);
        cmd.Parameters.AddWithValue("n", latestDown);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        int up = (int)reader.GetInt64(0), down = (int)reader.GetInt64(1);
        await reader.NextResultAsync(cancellationToken);
        var latest = new List<FeedbackVote>();
        while (await reader.ReadAsync(cancellationToken))
        {
            latest.Add(new FeedbackVote(reader.GetString(0), reader.GetString(1), Vote.Down, reader.GetFieldValue<DateTimeOffset>(2),
                reader.GetString(3), reader.GetString(4) == "llm" ? AnswerMode.Llm : AnswerMode.Extractive, reader.GetBoolean(5), reader.GetInt32(6)));
        }
        return new FeedbackSummary(up, down, latest);
    });
}
