using TalksBot.Core.Indexing;
using TalksBot.Testing;

namespace TalksBot.Core.Tests;

/// <summary>The in-memory index Core tests use keeps the same contract as the real ones.</summary>
public class InMemoryArticleIndexContractTests : ArticleIndexContract
{
    protected override IArticleIndex CreateIndex() => new InMemoryArticleIndex();
}
