using Npgsql;
using TalksBot.Core.Indexing;

namespace TalksBot.Index.Postgres;

/// <summary>
/// Small durable state (HTTP validators, the Telegram ledger) in the shared database: every instance reads what any
/// wrote. Outside the refresh transaction, so a long refresh never holds it up.
/// </summary>
public sealed class PostgresStateStore(PostgresDatabase database) : IStateStore
{
    public Task<string?> GetAsync(string key, CancellationToken cancellationToken) => database.GuardAsync(async () =>
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var cmd = new NpgsqlCommand("SELECT value FROM state WHERE key = @k", connection);
        cmd.Parameters.AddWithValue("k", key);
        return await cmd.ExecuteScalarAsync(cancellationToken) as string;
    });

    public Task SetAsync(string key, string? value, CancellationToken cancellationToken) => database.GuardAsync(async () =>
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var cmd = new NpgsqlCommand(value is null
            ? "DELETE FROM state WHERE key = @k"
            : "INSERT INTO state(key, value) VALUES(@k, @v) ON CONFLICT(key) DO UPDATE SET value = excluded.value", connection);
        cmd.Parameters.AddWithValue("k", key);
        if (value is not null) cmd.Parameters.AddWithValue("v", value);
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    });
}
