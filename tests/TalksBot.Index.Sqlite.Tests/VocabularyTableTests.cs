using Microsoft.Data.Sqlite;
using TalksBot.Testing;

namespace TalksBot.Index.Sqlite.Tests;

/// <summary>
/// The `vocabulary` table (each term's passage count, read by spelling correction and term statistics) says what
/// FTS5's own counts say after every kind of change, and an index from before it existed gets it on open.
/// </summary>
public class VocabularyTableTests : IDisposable
{
    private readonly TempIndex _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task The_vocabulary_follows_stores_changes_deletions_and_source_removals()
    {
        var source = new InMemorySource("mem://a")
            .Put("a", Articles.Make("Geneva", "Envoys met in Geneva to discuss a ceasefire."))
            .Put("b", Articles.Make("Riyadh", "Delegations met in Riyadh about prisoners."));
        await _db.Refresher.RefreshAsync([source], null, default);
        await AssertMatchesFts5Async();
        Assert.Equal(1, (await _db.Index.GetVocabularyAsync(default))["geneva"]);

        source.Put("a", Articles.Make("Change of venue", "Envoys met in Istanbul instead."));
        source.Remove("b");
        await _db.Refresher.RefreshAsync([source], null, default);
        await AssertMatchesFts5Async();
        var vocabulary = await _db.Index.GetVocabularyAsync(default);
        Assert.False(vocabulary.ContainsKey("geneva"));
        Assert.False(vocabulary.ContainsKey("riyadh"));
        Assert.Equal(1, (await _db.Index.GetTermStatisticsAsync(["istanbul", "geneva"], default)).DocumentFrequency.Single(kv => kv.Key == "istanbul").Value);

        var added = new InMemorySource("mem://b").Put("c", Articles.Make("Minsk", "Talks in Minsk."));
        Assert.True(await _db.Index.AddSourceAsync("mem://b", null, default));
        await _db.Refresher.RefreshAsync([source, added], null, default);
        Assert.Equal(1, (await _db.Index.GetVocabularyAsync(default))["minsk"]);
        Assert.True(await _db.Index.RemoveSourceAsync("mem://b", default));
        await AssertMatchesFts5Async();
        Assert.False((await _db.Index.GetVocabularyAsync(default)).ContainsKey("minsk"));
    }

    [Fact]
    public async Task An_index_of_schema_version_1_gets_its_vocabulary_table_on_open()
    {
        var source = new InMemorySource("mem://a").Put("a", Articles.Make("Geneva", "Envoys met in Geneva to discuss a ceasefire."));
        await _db.Refresher.RefreshAsync([source], null, default);
        using (var c = new SqliteConnection($"Data Source={_db.Path}"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "DROP TABLE vocabulary; PRAGMA user_version = 1;";
            cmd.ExecuteNonQuery();
        }
        SqliteConnection.ClearAllPools();
        var reopened = new SqliteArticleIndex(_db.Path);
        Assert.Equal(1, (await reopened.GetVocabularyAsync(default))["geneva"]);
        await AssertMatchesFts5Async();
    }

    private async Task AssertMatchesFts5Async()
    {
        var fts5 = new Dictionary<string, long>();
        using (var c = new SqliteConnection($"Data Source={_db.Path}"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT term, doc FROM passages_vocab";
            using var reader = cmd.ExecuteReader();
            while (reader.Read()) fts5[reader.GetString(0)] = reader.GetInt64(1);
        }
        Assert.NotEmpty(fts5);
        var table = await new SqliteArticleIndex(_db.Path).GetVocabularyAsync(default);
        Assert.Equal(fts5.OrderBy(kv => kv.Key, StringComparer.Ordinal), table.OrderBy(kv => kv.Key, StringComparer.Ordinal));
    }
}
