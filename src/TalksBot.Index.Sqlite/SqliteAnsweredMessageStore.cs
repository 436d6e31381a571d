using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using TalksBot.Core.Chat;
using TalksBot.Core.Conversations;

namespace TalksBot.Index.Sqlite;

/// <summary>
/// Which exchange each answer message showed, in the state file beside the index (with <see cref="SqliteStateStore"/>),
/// so a reply to an answer sent before a restart still follows up on it. Kept for <see cref="AnsweredMessages.StoredFor"/>.
/// </summary>
public sealed class SqliteAnsweredMessageStore : IAnsweredMessageStore
{
    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS answered_message(
            conversation TEXT NOT NULL, message TEXT NOT NULL, question TEXT NOT NULL, answer TEXT NOT NULL, at TEXT NOT NULL,
            PRIMARY KEY(conversation, message)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS answered_message_at ON answered_message(at);
        """;

    private readonly StateFileConnections _file;

    public SqliteAnsweredMessageStore(string databasePath, ILogger<SqliteAnsweredMessageStore>? logger = null)
    {
        _file = new StateFileConnections(databasePath, Schema, logger);
    }

    public string Path => _file.Path;

    private SqliteConnection Open() => _file.Open();

    private static string Time(DateTimeOffset at) => StateFileConnections.Time(at);

    public async Task RememberAsync(string conversationKey, IReadOnlyList<string> messageIds, ConversationTurn turn, CancellationToken cancellationToken)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        using var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = """
            INSERT INTO answered_message(conversation, message, question, answer, at) VALUES($c, $m, $q, $a, $at)
            ON CONFLICT(conversation, message) DO UPDATE SET question = excluded.question, answer = excluded.answer, at = excluded.at
            """;
        cmd.Parameters.AddWithValue("$c", conversationKey);
        var message = cmd.Parameters.Add("$m", SqliteType.Text);
        cmd.Parameters.AddWithValue("$q", turn.Question);
        cmd.Parameters.AddWithValue("$a", turn.Answer);
        cmd.Parameters.AddWithValue("$at", Time(turn.At));
        foreach (var id in messageIds)
        {
            message.Value = id;
            await cmd.ExecuteNonQueryAsync(cancellationToken);
        }
        using var forget = connection.CreateCommand();
        forget.Transaction = transaction;
        forget.CommandText = "DELETE FROM answered_message WHERE at < $cutoff";
        forget.Parameters.AddWithValue("$cutoff", Time(turn.At - AnsweredMessages.StoredFor));
        await forget.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<ConversationTurn?> FindAsync(string conversationKey, string messageId, CancellationToken cancellationToken)
    {
        using var connection = Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT question, answer, at FROM answered_message WHERE conversation = $c AND message = $m";
        cmd.Parameters.AddWithValue("$c", conversationKey);
        cmd.Parameters.AddWithValue("$m", messageId);
        using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return new ConversationTurn(reader.GetString(0), reader.GetString(1),
            DateTimeOffset.Parse(reader.GetString(2), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal));
    }
}
