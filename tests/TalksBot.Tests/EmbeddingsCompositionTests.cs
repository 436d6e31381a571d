using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TalksBot.Composition;
using TalksBot.Core.Refresh;
using TalksBot.Core.Retrieval;
using TalksBot.Embeddings.Local;

namespace TalksBot.Tests;

/// <summary>What Embeddings:Provider puts in the container, in process.</summary>
public class EmbeddingsCompositionTests
{
    private static ServiceProvider Compose(params (string Key, string Value)[] settings)
    {
        return ComposedServices.Build(settings.Select(s => (s.Key, (string?)s.Value)), keywordSearch: false);
    }

    [Fact]
    public void The_local_model_file_goes_beside_the_sqlite_index_unless_a_folder_is_configured()
    {
        static string? FolderFor(params (string Key, string? Value)[] settings)
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
            var options = configuration.GetSection(EmbeddingsOptions.Section).Get<EmbeddingsOptions>() ?? new EmbeddingsOptions();
            return EmbeddingsComposition.ModelFolder(options, configuration);
        }
        var data = Path.Combine(Path.GetTempPath(), "talksbot-data");
        Assert.Equal(Path.Combine(data, "models"), FolderFor(("Index:DatabasePath", Path.Combine(data, "talksbot.db"))));
        Assert.Equal(Path.Combine(Path.GetDirectoryName(Core.Indexing.IndexOptions.DefaultDatabasePath())!, "models"), FolderFor());
        Assert.Equal(Path.GetFullPath("/srv/models"), FolderFor(("Index:DatabasePath", "/x/t.db"), ("Embeddings:ModelFolder", "/srv/models")));
        // PostgreSQL has no index folder: the encoder's own default (the user's local data).
        Assert.Null(FolderFor(("Index:Provider", "postgres")));
    }

    [Fact]
    public void The_default_is_the_local_minilm_model_for_passages_and_queries()
    {
        using var sp = Compose();
        Assert.Equal("local/all-MiniLM-L6-v2", sp.GetRequiredService<PassageEmbedder>().Model);
        Assert.Equal("local/all-MiniLM-L6-v2", sp.GetRequiredService<QueryEmbedder>().Model);
        Assert.Same(OnnxSentenceEncoder.Shared(LocalEmbeddingModel.MiniLM), sp.GetRequiredService<OnnxSentenceEncoder>());
        // The retriever the answerer uses embeds questions.
        Assert.NotNull(sp.GetRequiredService<PassageRetriever>());
    }

    [Fact]
    public void Arctic_is_a_configuration_value()
    {
        using var sp = Compose(("Embeddings:Model", "arctic-xs"), ("Embeddings:BatchSize", "8"));
        var passages = sp.GetRequiredService<PassageEmbedder>();
        Assert.Equal("local/snowflake-arctic-embed-xs", passages.Model);
        Assert.Equal(8, passages.BatchSize);
    }

    [Fact]
    public void None_registers_no_embedder_and_never_loads_a_model()
    {
        int loads = OnnxSentenceEncoder.LoadsInProcess;
        using var sp = Compose(("Embeddings:Provider", "none"));
        Assert.Null(sp.GetService<PassageEmbedder>());
        Assert.Null(sp.GetService<QueryEmbedder>());
        Assert.Null(sp.GetService<OnnxSentenceEncoder>());
        Assert.Null(sp.GetService<IEmbeddingGenerator<string, Embedding<float>>>());
        Assert.NotNull(sp.GetRequiredService<IndexRefresher>());
        Assert.NotNull(sp.GetRequiredService<PassageRetriever>());
        Assert.Equal(loads, OnnxSentenceEncoder.LoadsInProcess);
    }

    [Fact]
    public void Openai_uses_the_model_servers_embedding_model()
    {
        using var sp = Compose(("Embeddings:Provider", "openai"), ("Llm:Endpoint", "http://127.0.0.1:9/v1"), ("Llm:Model", "m"), ("Llm:EmbeddingModel", "text-embedding-3-small"));
        Assert.Equal("text-embedding-3-small", sp.GetRequiredService<PassageEmbedder>().Model);
        Assert.Null(sp.GetService<OnnxSentenceEncoder>());
    }
}
