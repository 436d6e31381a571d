using Microsoft.Data.Sqlite;
using TalksBot.Core.Indexing;
using TalksBot.Testing;

namespace TalksBot.Index.Sqlite.Tests;

/// <summary>The SQLite index as the bot runs it (postings held in process, Index:HoldPostings) keeps the index contract too.</summary>
public sealed class SqliteHeldPostingsContractTests : ArticleIndexContract, IDisposable
{
    private readonly TempFolder _folder = new("talksbot-contract-", SqliteConnection.ClearAllPools);

    protected override IArticleIndex CreateIndex() =>
        new DamageReportingIndex(new SqliteArticleIndex(Path.Combine(_folder.Path, "talksbot.db"), holdPostings: true));

    public void Dispose() => _folder.Dispose();
}
