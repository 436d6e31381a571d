using Microsoft.Data.Sqlite;
using TalksBot.Core.Articles;
using TalksBot.Core.Refresh;
using TalksBot.Core.Retrieval;
using TalksBot.Testing;

namespace TalksBot.Index.Sqlite.Tests;

/// <summary>A fresh index file in a temp folder, deleted afterwards.</summary>
public sealed class TempIndex : IDisposable
{
    private readonly TempFolder _folder = new("talksbot-index-", SqliteConnection.ClearAllPools);

    public TempIndex()
    {
        Path = System.IO.Path.Combine(Folder, "talksbot.db");
        Index = new SqliteArticleIndex(Path);
        Refresher = new IndexRefresher(Index, new PassageSplitter(), TimeProvider.System);
    }

    public string Folder => _folder.Path;
    public string Path { get; }
    public SqliteArticleIndex Index { get; }
    public IndexRefresher Refresher { get; }

    public void Dispose() => _folder.Dispose();
}
