using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using TalksBot.Core.Answering;
using TalksBot.Core.Feedback;

namespace TalksBot.Index.Sqlite;

/// <summary>
/// Answers given in chat and the votes on them, in the state file beside the index (with <see cref="SqliteStateStore"/>),
/// so a refresh transaction never holds up a vote. Answers nobody voted on are forgotten after <see cref="KeepUnvoted"/>.
/// </summary>
public sealed class SqliteFeedbackStore : IFeedbackStore
{
    public static readonly TimeSpan KeepUnvoted = TimeSpan.FromDays(90);

    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS feedback_answer(
            id TEXT PRIMARY KEY, conversation TEXT NOT NULL, question TEXT NOT NULL, mode TEXT NOT NULL,
            grounded INTEGER NOT NULL, citations TEXT NOT NULL, at TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS feedback_answer_at ON feedback_answer(at);
        CREATE TABLE IF NOT EXISTS feedback_vote(
            answer_id TEXT NOT NULL REFERENCES feedback_answer(id) ON DELETE CASCADE, user_key TEXT NOT NULL,
            vote INTEGER NOT NULL, at TEXT NOT NULL, PRIMARY KEY(answer_id, user_key));
        CREATE INDEX IF NOT EXISTS feedback_vote_at ON feedback_vote(vote, at);
        """;

    private readonly StateFileConnections _file;

    public SqliteFeedbackStore(string databasePath, ILogger<SqliteFeedbackStore>? logger = null)
    {
        _file = new StateFileConnections(databasePath, Schema, logger, foreignKeys: true);
    }

    public string Path => _file.Path;

    private SqliteConnection Open() => _file.Open();

    private static string Time(DateTimeOffset at) => StateFileConnections.Time(at);

    public async Task RememberAnswerAsync(AnswerRecord answer, CancellationToken cancellationToken)
    {
        var citations = JsonSerializer.Serialize(answer.Citations.Select(c => new { n = c.Number, title = c.Title, outlet = c.Outlet, url = c.Url, document = c.Document, passage = c.PassageId }));
        using var connection = Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            INSERT INTO feedback_answer(id, conversation, question, mode, grounded, citations, at) VALUES($id, $c, $q, $m, $g, $cit, $at);
            DELETE FROM feedback_answer WHERE at < $cutoff AND NOT EXISTS (SELECT 1 FROM feedback_vote v WHERE v.answer_id = feedback_answer.id);
            """;
        cmd.Parameters.AddWithValue("$id", answer.Id);
        cmd.Parameters.AddWithValue("$c", answer.ConversationKey);
        cmd.Parameters.AddWithValue("$q", answer.Question);
        cmd.Parameters.AddWithValue("$m", answer.Mode == AnswerMode.Llm ? "llm" : "extractive");
        cmd.Parameters.AddWithValue("$g", answer.Grounded ? 1 : 0);
        cmd.Parameters.AddWithValue("$cit", citations);
        cmd.Parameters.AddWithValue("$at", Time(answer.At));
        cmd.Parameters.AddWithValue("$cutoff", Time(answer.At - KeepUnvoted));
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<VoteOutcome> VoteAsync(string answerId, string userKey, Vote vote, DateTimeOffset at, CancellationToken cancellationToken)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        using var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = "SELECT (SELECT 1 FROM feedback_answer WHERE id = $a), (SELECT vote FROM feedback_vote WHERE answer_id = $a AND user_key = $u)";
        cmd.Parameters.AddWithValue("$a", answerId);
        cmd.Parameters.AddWithValue("$u", userKey);
        int? known = null, previous = null;
        using (var reader = await cmd.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                known = reader.IsDBNull(0) ? null : reader.GetInt32(0);
                previous = reader.IsDBNull(1) ? null : reader.GetInt32(1);
            }
        }
        if (known is null) return VoteOutcome.UnknownAnswer;
        if (previous == (int)vote) return VoteOutcome.Unchanged;
        cmd.CommandText = """
            INSERT INTO feedback_vote(answer_id, user_key, vote, at) VALUES($a, $u, $v, $at)
            ON CONFLICT(answer_id, user_key) DO UPDATE SET vote = excluded.vote, at = excluded.at
            """;
        cmd.Parameters.AddWithValue("$v", (int)vote);
        cmd.Parameters.AddWithValue("$at", Time(at));
        await cmd.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return previous is null ? VoteOutcome.Recorded : VoteOutcome.Changed;
    }

    public async Task<FeedbackSummary> SummarizeAsync(int latestDown, CancellationToken cancellationToken)
    {
        using var connection = Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            SELECT COALESCE(SUM(vote = 1), 0), COALESCE(SUM(vote = -1), 0) FROM feedback_vote;
            SELECT v.answer_id, v.user_key, v.at, a.question, a.mode, a.grounded, json_array_length(a.citations)
            FROM feedback_vote v JOIN feedback_answer a ON a.id = v.answer_id
            WHERE v.vote = -1 ORDER BY v.at DESC LIMIT $n;
            """;
        cmd.Parameters.AddWithValue("$n", latestDown);
        using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        int up = reader.GetInt32(0), down = reader.GetInt32(1);
        await reader.NextResultAsync(cancellationToken);
        var latest = new List<FeedbackVote>();
        while (await reader.ReadAsync(cancellationToken))
        {
            latest.Add(new FeedbackVote(reader.GetString(0), reader.GetString(1), Vote.Down,
                DateTimeOffset.Parse(reader.GetString(2), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                reader.GetString(3), reader.GetString(4) == "llm" ? AnswerMode.Llm : AnswerMode.Extractive, reader.GetInt32(5) == 1, reader.GetInt32(6)));
        }
        return new FeedbackSummary(up, down, latest);
    }
}
