using Npgsql;
using TalksBot.Testing;

namespace TalksBot.Index.Postgres.Tests;

[Collection(PostgresCollection.Name)]
public class PostgresServerTests(PostgresServer server)
{
    [Fact]
    public async Task Each_test_database_is_empty_and_separate()
    {
        var first = await server.CreateDatabaseAsync();
        var second = await server.CreateDatabaseAsync();
        Assert.NotEqual(first, second);
        await Execute(first, "CREATE TABLE marker(x int)");
        Assert.Equal(1L, await Scalar(first, "SELECT count(*) FROM pg_tables WHERE tablename = 'marker'"));
        Assert.Equal(0L, await Scalar(second, "SELECT count(*) FROM pg_tables WHERE tablename = 'marker'"));
    }

    [Fact]
    public async Task A_second_server_starts_beside_the_first_and_leaves_nothing_when_disposed()
    {
        var other = new PostgresServer();
        await other.InitializeAsync();
        var folder = Path.GetDirectoryName(other.LogPath)!;
        int serverPid = await ServerPidAsync(other);
        Assert.NotEqual(server.Port, other.Port);
        Assert.True(ProcessAlive(serverPid));

        await other.DisposeAsync();

        Assert.False(Directory.Exists(folder));
        Assert.False(ProcessAlive(serverPid), $"postgres {serverPid} still runs after the fixture was disposed");
    }

    private static async Task<int> ServerPidAsync(PostgresServer s)
    {
        await using var connection = new NpgsqlConnection(s.AdminConnectionString);
        await connection.OpenAsync();
        // The backend's parent is the postmaster.
        await using var cmd = new NpgsqlCommand("SELECT pg_backend_pid()", connection);
        int backend = Convert.ToInt32(await cmd.ExecuteScalarAsync());
        var stat = await File.ReadAllTextAsync($"/proc/{backend}/stat");
        return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1]);
    }

    /// <summary>Running, not gone and not a zombie waiting for init to reap it.</summary>
    private static bool ProcessAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[stat.LastIndexOf(')') + 2] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static async Task Execute(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task<long> Scalar(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync());
    }
}
