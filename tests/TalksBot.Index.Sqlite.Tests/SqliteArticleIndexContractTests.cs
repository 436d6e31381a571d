using Microsoft.Data.Sqlite;
using TalksBot.Core.Indexing;
using TalksBot.Testing;

namespace TalksBot.Index.Sqlite.Tests;

/// <summary>The SQLite index, as the host registers it (damage reported), keeps the index contract.</summary>
public sealed class SqliteArticleIndexContractTests : ArticleIndexContract, IDisposable
{
    private readonly TempFolder _folder = new("talksbot-contract-", SqliteConnection.ClearAllPools);

    protected override IArticleIndex CreateIndex() => new DamageReportingIndex(new SqliteArticleIndex(Path.Combine(_folder.Path, "talksbot.db")));

    public void Dispose() => _folder.Dispose();
}
