using Microsoft.Data.Sqlite;
using TalksBot.Core.Articles;
using TalksBot.Core.Refresh;
using TalksBot.Core.Retrieval;

namespace TalksBot.Index.Sqlite.Tests;

/// <summary>A fresh index file in a temp folder, deleted afterwards.</summary>
public sealed class TempIndex : IDisposable
{
    public TempIndex()
    {
        Folder = Directory.CreateTempSubdirectory("talksbot-index-").FullName;
        Path = System.IO.Path.Combine(Folder, "talksbot.db");
        Index = new SqliteArticleIndex(Path);
        Refresher = new IndexRefresher(Index, new PassageSplitter(), TimeProvider.System);
    }

    public string Folder { get; }
    public string Path { get; }
    public SqliteArticleIndex Index { get; }
    public IndexRefresher Refresher { get; }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
