using TalksBot.Testing;
namespace TalksBot.Llm.Tests;

public class HybridRetrievalTests
{
    [Fact]
    public async Task Passages_are_embedded_in_batches_at_refresh_and_an_unchanged_refresh_sends_nothing()
    {
        await using var h = await LlmHarness.StartAsync(x =>
        {
            x.Options.EmbeddingModel = "test-embed";
            x.Options.EmbeddingBatchSize = 4;
        });
        int passages = (await h.Index.GetStatusAsync(default)).Passages;
        var batches = h.Fake.EmbeddingRequests.ToList();
        Assert.Equal((passages + 3) / 4, batches.Count);
        Assert.All(batches, b => Assert.Equal("test-embed", b["model"]!.GetValue<string>()));
        Assert.Equal(passages, batches.Sum(b => b["input"]!.AsArray().Count));

        var again = await h.BuildAsync();
        Assert.Equal(0, again.Embedded);
        Assert.Equal(batches.Count, h.Fake.EmbeddingRequests.Count);
    }

    [Fact]
    public async Task A_question_sharing_no_words_with_the_articles_is_found_by_meaning()
    {
        await using var h = await LlmHarness.StartAsync(x =>
        {
            x.Options.EmbeddingModel = "test-embed";
            // The fake's bag-of-words vectors are far less similar than a real model's: a threshold to match it.
            x.Retrieval.MinVectorSimilarity = 0.1;
            // The fake "multilingual" model maps these Ukrainian words onto the English ones.
            x.Fake.Synonyms["зеленськ"] = "zelensky";
            x.Fake.Synonyms["умов"] = "withdraw";
            x.Fake.Synonyms["окупован"] = "occupied";
            x.Fake.Synonyms["територ"] = "territories";
        });
        var question = "Які умови Зеленського щодо окупованих територій?";
        var retrieval = await h.Retriever.RetrieveAsync(question, default);
        Assert.True(retrieval.Covered);
        Assert.NotNull(retrieval.Passages[0].VectorScore);
        Assert.Contains("withdraw", retrieval.Passages[0].Text);

        // Without embeddings the same question finds nothing.
        var plain = new Core.Retrieval.PassageRetriever(h.Index, Core.Retrieval.TextAnalyzer.Default, new Core.Retrieval.RetrievalOptions());
        Assert.False((await plain.RetrieveAsync(question, default)).Covered);
    }

    [Fact]
    public async Task Text_and_vector_rankings_are_fused()
    {
        await using var h = await LlmHarness.StartAsync(x => x.Options.EmbeddingModel = "test-embed");
        var retrieval = await h.Retriever.RetrieveAsync("What are Zelensky's preconditions?", default);
        var top = retrieval.Passages[0];
        Assert.True(top.TextScore > 0);
        Assert.NotNull(top.VectorScore);
    }
}
