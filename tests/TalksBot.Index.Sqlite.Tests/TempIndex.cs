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

    /// <summary>
    /// Puts the articles in the index (replacing what an earlier call put under the same keys) with a dozen filler
    /// reports, so that term weights behave as in a real index (rare words weigh more than common ones), and returns a
    /// retriever over it with the shipped analyzer and default options.
    /// </summary>
    public async Task<PassageRetriever> RetrieverOverAsync(params ArticleDocument[] articles)
    {
        var source = new InMemorySource("mem://grounding");
        int i = 0;
        foreach (var article in articles) source.Put($"a{i++}", article);
        for (int f = 0; f < 12; f++)
        {
            source.Put($"filler{f}", Articles.Make($"Front report {f}", $"Shelling continued near the front in Ukraine on day {f}. Officials in Kyiv and Russia traded accusations about the war. Analysts expect more fighting in the east."));
        }
        await Refresher.RefreshAsync([source], null, default);
        return new PassageRetriever(Index, TextAnalyzer.Default, new RetrievalOptions());
    }

    public void Dispose() => _folder.Dispose();
}
