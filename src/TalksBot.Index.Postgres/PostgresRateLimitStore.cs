using Npgsql;
using TalksBot.Core.Conversations;

namespace TalksBot.Index.Postgres;

/// <summary>
/// Questions per user counted in the shared database. Each check runs in a transaction holding an advisory lock on the
/// user, so two instances checking the same user at once count one after the other: the limit holds across them.
/// </summary>
public sealed class PostgresRateLimitStore(PostgresDatabase database) : IRateLimitStore
{
    private static readonly TimeSpan SweepAfter = TimeSpan.FromHours(1);
    private long _checks;

    public Task<TimeSpan?> TryAcquireAsync(string userKey, int limit, TimeSpan window, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.GuardAsync(async () =>
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var tx = await connection.BeginTransactionAsync(cancellationToken);
            await using var cmd = new NpgsqlCommand("""
                SELECT pg_advisory_xact_lock(hashtextextended('talksbot:rate:' || @u, 0));
                DELETE FROM rate_limit_events WHERE user_key = @u AND at <= @from;
                SELECT count(*), min(at) FROM rate_limit_events WHERE user_key = @u;
                """, connection, tx);
            cmd.Parameters.AddWithValue("u", userKey);
            cmd.Parameters.AddWithValue("from", (now - window).ToUniversalTime());
            long count;
            DateTimeOffset? oldest;
            await using (var reader = await cmd.ExecuteReaderAsync(cancellationToken))
            {
                await reader.NextResultAsync(cancellationToken);
                await reader.ReadAsync(cancellationToken);
                count = reader.GetInt64(0);
                oldest = reader.IsDBNull(1) ? null : reader.GetFieldValue<DateTimeOffset>(1);
            }
            if (count >= limit && oldest is { } first)
            {
                await tx.CommitAsync(cancellationToken);
                return (TimeSpan?)(window - (now - first));
            }
            await using (var insert = new NpgsqlCommand("INSERT INTO rate_limit_events(user_key, at) VALUES(@u, @now)", connection, tx))
            {
                insert.Parameters.AddWithValue("u", userKey);
                insert.Parameters.AddWithValue("now", now.ToUniversalTime());
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
            // Users who stopped asking leave rows behind; they are swept now and then. Keys count over different windows
            // (a minute of questions, a second of Telegram sends), so only rows past any window in use go.
            if (Interlocked.Increment(ref _checks) % 500 == 1)
            {
                await using var sweep = new NpgsqlCommand("DELETE FROM rate_limit_events WHERE at <= @from", connection, tx);
                sweep.Parameters.AddWithValue("from", (now - (window > SweepAfter ? window : SweepAfter)).ToUniversalTime());
                await sweep.ExecuteNonQueryAsync(cancellationToken);
            }
            await tx.CommitAsync(cancellationToken);
            return null;
        });
}
