using Microsoft.Data.Sqlite;
using TalksBot.Core.Indexing;
using TalksBot.Testing;
using TalksBot.Testing.Hostile;

namespace TalksBot.Index.Sqlite.Tests;

/// <summary>Issue 14 item 8: damaged pages found after opening are the documented "index unavailable", not a SqliteException.</summary>
public sealed class DamagedIndexTests : IDisposable
{
    private readonly TempIndex _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task Searching_counting_and_refreshing_a_damaged_index_say_it_is_damaged()
    {
        var source = new InMemorySource("mem://a");
        for (int i = 0; i < 40; i++) source.Put($"a{i}", Articles.Make($"Talks {i}", Articles.Body($"Geneva round {i} prisoner exchange")));
        await _db.Refresher.RefreshAsync([source], null, default);
        SqliteConnection.ClearAllPools();
        HostileFiles.DamagePagesAfterTheHeader(_db.Path);

        IArticleIndex index = new DamageReportingIndex(new SqliteArticleIndex(_db.Path));
        var search = await Assert.ThrowsAsync<IndexUnavailableException>(() => index.SearchAsync(["geneva"], 10, false, default));
        Assert.Contains(_db.Path, search.Message);
        await Assert.ThrowsAsync<IndexUnavailableException>(() => index.GetStatusAsync(default));
        var refresher = new Core.Refresh.IndexRefresher(index, new Core.Articles.PassageSplitter(), TimeProvider.System);
        await Assert.ThrowsAsync<IndexUnavailableException>(() => refresher.RefreshAsync([source], null, default));
    }
}
