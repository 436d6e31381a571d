using Npgsql;
using TalksBot.Core.Indexing;

namespace TalksBot.Index.Postgres;

/// <summary>
/// Claims in one table: the first INSERT of a key wins (the primary key decides, atomically across instances); an
/// uncompleted claim older than its lease can be taken over. Rows older than a week are swept as claims are made.
/// </summary>
public sealed class PostgresClaimStore(PostgresDatabase database, TimeProvider time) : IClaimStore
{
    private static readonly TimeSpan Keep = TimeSpan.FromDays(7);
    private long _claims;

    public Task<bool> TryClaimAsync(string key, TimeSpan lease, CancellationToken cancellationToken) => database.GuardAsync(async () =>
    {
        var now = time.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var cmd = new NpgsqlCommand("""
            INSERT INTO claims(key, claimed_at) VALUES(@k, @now)
            ON CONFLICT(key) DO UPDATE SET claimed_at = excluded.claimed_at
            WHERE NOT claims.completed AND claims.claimed_at < @stale
            RETURNING 1
            """, connection);
        cmd.Parameters.AddWithValue("k", key);
        cmd.Parameters.AddWithValue("now", now);
        cmd.Parameters.AddWithValue("stale", now - lease);
        bool claimed = await cmd.ExecuteScalarAsync(cancellationToken) is not null;
        if (Interlocked.Increment(ref _claims) % 1000 == 1)
        {
            await using var sweep = new NpgsqlCommand("DELETE FROM claims WHERE claimed_at < @old", connection);
            sweep.Parameters.AddWithValue("old", now - Keep);
            await sweep.ExecuteNonQueryAsync(cancellationToken);
        }
        return claimed;
    });

    public Task CompleteAsync(string key, CancellationToken cancellationToken) => database.GuardAsync(async () =>
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var cmd = new NpgsqlCommand("UPDATE claims SET completed = true WHERE key = @k", connection);
        cmd.Parameters.AddWithValue("k", key);
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    });
}
