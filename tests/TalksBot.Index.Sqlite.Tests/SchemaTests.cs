using Microsoft.Data.Sqlite;
using TalksBot.Core.Indexing;
using TalksBot.Core.Retrieval;

namespace TalksBot.Index.Sqlite.Tests;

public class SchemaTests : IDisposable
{
    private readonly TempIndex _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task A_new_index_is_created_at_the_current_schema_version()
    {
        await _db.Index.GetStatusAsync(default);
        using var c = new SqliteConnection($"Data Source={_db.Path}");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "PRAGMA user_version";
        Assert.Equal((long)SqliteSchema.CurrentVersion, (long)cmd.ExecuteScalar()!);
    }

    [Fact]
    public async Task An_index_from_a_newer_version_is_refused_with_a_clear_message()
    {
        using (var c = new SqliteConnection($"Data Source={_db.Path}"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "PRAGMA user_version = 99";
            cmd.ExecuteNonQuery();
        }
        SqliteConnection.ClearAllPools();
        var ex = await Assert.ThrowsAsync<IndexUnavailableException>(() => _db.Index.GetStatusAsync(default));
        Assert.Contains("schema version 99", ex.Message);
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_is_refused_with_a_clear_message()
    {
        var path = Path.Combine(_db.Folder, "notes.db");
        await File.WriteAllTextAsync(path, new string('x', 4096));
        var index = new SqliteArticleIndex(path);
        var ex = await Assert.ThrowsAsync<IndexUnavailableException>(() => index.GetStatusAsync(default));
        Assert.Contains("not an SQLite database", ex.Message);
    }

    [Fact]
    public async Task State_survives_a_new_instance()
    {
        var store = new SqliteStateStore(SqliteStateStore.PathFor(_db.Path));
        await store.SetAsync("telegram:last_update_id", "42", default);
        var again = new SqliteStateStore(SqliteStateStore.PathFor(_db.Path));
        Assert.Equal("42", await again.GetAsync("telegram:last_update_id", default));
        await again.SetAsync("telegram:last_update_id", null, default);
        Assert.Null(await store.GetAsync("telegram:last_update_id", default));
    }
}
