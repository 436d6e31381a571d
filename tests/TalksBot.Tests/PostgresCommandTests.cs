using System.Text.Json;
using Npgsql;
using TalksBot.Testing;

namespace TalksBot.Tests;

/// <summary>The real binary with Index:Provider=postgres: the same verbs, exit codes and one-line errors as on SQLite.</summary>
[Collection(PostgresCollection.Name)]
public class PostgresCommandTests(PostgresServer server) : IDisposable
{
    private readonly Cli _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Refresh_status_and_ask_work_on_postgres()
    {
        _cli.Environment["Index__Provider"] = "postgres";
        _cli.Environment["ConnectionStrings__TalksBot"] = await server.CreateDatabaseAsync();
        var talks = SharedData.PathTo("corpora", "talks-2025-2026");

        var (code, stdout, stderr) = await _cli.RunAsync("index", "refresh", "--source", talks);
        Assert.True(code == 0, stderr);
        Assert.Matches(@"added \d+, updated 0, removed 0, unchanged 0", stdout);
        var (_, again, _) = await _cli.RunAsync("index", "refresh", "--source", talks);
        Assert.Matches(@"added 0, updated 0, removed 0, unchanged \d+", again);

        var (statusCode, json, _) = await _cli.RunAsync("index", "status", "--json");
        Assert.Equal(0, statusCode);
        var status = JsonDocument.Parse(json).RootElement;
        Assert.True(status.GetProperty("articles").GetInt32() >= 30);
        Assert.StartsWith("postgresql://127.0.0.1:", status.GetProperty("database").GetString());
        Assert.False(File.Exists(_cli.DatabasePath), "no SQLite file is written when PostgreSQL is the store");

        var (askCode, answerJson, askErr) = await _cli.RunAsync("ask", "Which Polish minister said Europeans are the ones paying for this war?", "--json");
        Assert.True(askCode == 0, askErr);
        var answer = JsonDocument.Parse(answerJson).RootElement;
        Assert.True(answer.GetProperty("grounded").GetBoolean());
        Assert.Contains("Sikorski", answer.GetProperty("answer").GetString());
    }

    [Fact]
    public async Task Postgres_without_a_connection_string_is_refused_naming_the_key()
    {
        _cli.Environment["Index__Provider"] = "postgres";
        var (code, _, stderr) = await _cli.RunAsync("index", "status");
        Assert.Equal(2, code);
        var line = Assert.Single(stderr.Trim().Split('\n'));
        Assert.Contains("ConnectionStrings:TalksBot", line);
    }

    [Fact]
    public async Task An_unreachable_database_is_exit_4_with_one_line_and_no_password()
    {
        var unreachable = new NpgsqlConnectionStringBuilder(server.AdminConnectionString) { Port = 1, Password = "hunter2-secret", Timeout = 5 };
        _cli.Environment["Index__Provider"] = "postgres";
        _cli.Environment["ConnectionStrings__TalksBot"] = unreachable.ConnectionString;
        var (code, _, stderr) = await _cli.RunAsync("index", "status");
        Assert.Equal(4, code);
        var line = Assert.Single(stderr.Trim().Split('\n'));
        Assert.Contains("postgresql://127.0.0.1:1/postgres", line);
        Assert.DoesNotContain("hunter2", stderr);
    }
}
