using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using TalksBot.Core.Answering;
using TalksBot.Core.Feedback;
using TalksBot.Testing;
using TalksBot.Testing.Hostile;

namespace TalksBot.Index.Sqlite.Tests;

/// <summary>Issue 14 item 7: a state file that is not a database, or is damaged, is moved aside once and started afresh.</summary>
public sealed class StateFileRecoveryTests : IDisposable
{
    private readonly TempFolder _folder = new("talksbot-state-", SqliteConnection.ClearAllPools);
    private readonly LogRecorder _logs = new();
    private readonly ILoggerFactory _loggers;

    public StateFileRecoveryTests() => _loggers = LoggerFactory.Create(b => b.AddProvider(new RecordingLoggerProvider(_logs)));

    private string StatePath => Path.Combine(_folder.Path, "talksbot.state.db");

    private string[] Aside() => Directory.GetFiles(_folder.Path, "talksbot.state.db.corrupt-*").Where(f => !f.EndsWith("-wal") && !f.EndsWith("-shm")).ToArray();

    public void Dispose()
    {
        _loggers.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_is_moved_aside_reported_once_and_both_stores_start_afresh()
    {
        var garbage = string.Concat(Enumerable.Repeat("this is not an SQLite database; ", 500));
        File.WriteAllText(StatePath, garbage);

        var state = new SqliteStateStore(StatePath, _loggers.CreateLogger<SqliteStateStore>());
        Assert.Null(await state.GetAsync("telegram:handled_updates", default));
        await state.SetAsync("telegram:handled_updates", "{}", default);
        Assert.Equal("{}", await state.GetAsync("telegram:handled_updates", default));

        // The feedback store shares the file: it finds the fresh one, and nothing more is reported.
        var feedback = new SqliteFeedbackStore(StatePath, _loggers.CreateLogger<SqliteFeedbackStore>());
        await feedback.RememberAnswerAsync(new AnswerRecord("a1", "telegram:chat:1", "q", AnswerMode.Extractive, true, [], DateTimeOffset.UtcNow), default);

        var aside = Assert.Single(Aside());
        Assert.Equal(garbage, File.ReadAllText(aside));
        var report = Assert.Single(_logs, l => l.StartsWith("Error"));
        Assert.Contains(aside, report);
        Assert.Equal("{}", await new SqliteStateStore(StatePath).GetAsync("telegram:handled_updates", default));
    }

    [Fact]
    public async Task A_file_with_damaged_pages_behind_a_valid_header_is_moved_aside_too()
    {
        var first = new SqliteStateStore(StatePath);
        for (int i = 0; i < 200; i++) await first.SetAsync($"etag:https://news.example/{i}", new string('e', 200), default);
        SqliteConnection.ClearAllPools();
        HostileFiles.DamagePagesAfterTheHeader(StatePath);

        var state = new SqliteStateStore(StatePath, _loggers.CreateLogger<SqliteStateStore>());
        Assert.Null(await state.GetAsync("etag:https://news.example/1", default));
        await state.SetAsync("k", "v", default);
        Assert.Equal("v", await state.GetAsync("k", default));
        Assert.Single(Aside());
        Assert.Single(_logs, l => l.StartsWith("Error") && l.Contains("moved aside"));
    }

    [Fact]
    public async Task A_sound_file_is_kept_as_it_is()
    {
        await new SqliteStateStore(StatePath).SetAsync("k", "v", default);
        SqliteConnection.ClearAllPools();
        Assert.Equal("v", await new SqliteStateStore(StatePath, _loggers.CreateLogger<SqliteStateStore>()).GetAsync("k", default));
        Assert.Empty(Aside());
        Assert.Empty(_logs);
    }
}
