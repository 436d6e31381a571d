using Microsoft.Data.Sqlite;
using TalksBot.Core.Indexing;
using TalksBot.Testing;

namespace TalksBot.Index.Sqlite.Tests;

/// <summary>The SQLite index, as the host registers it (damage reported), keeps the index contract.</summary>
public sealed class SqliteArticleIndexContractTests : ArticleIndexContract, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("talksbot-contract-").FullName;

    protected override IArticleIndex CreateIndex() => new DamageReportingIndex(new SqliteArticleIndex(Path.Combine(_folder, "talksbot.db")));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
