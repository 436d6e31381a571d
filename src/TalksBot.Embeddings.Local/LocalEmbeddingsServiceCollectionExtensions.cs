using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TalksBot.Core.Refresh;
using TalksBot.Core.Retrieval;

namespace TalksBot.Embeddings.Local;

/// <summary>
/// Registers a local model as the embedding provider: the process-wide encoder (loaded on first use, so a verb
/// that embeds nothing never loads it), a passage generator for refresh and a query generator for retrieval.
/// </summary>
public static class LocalEmbeddingsServiceCollectionExtensions
{
    /// <param name="batchSize">Passages read from the index and embedded per step of a refresh.</param>
    /// <param name="runBatchSize">Inputs per ONNX Runtime run (each padded to the longest of its run).</param>
    /// <param name="modelFolder">Where the model file is kept (see <see cref="OnnxSentenceEncoder"/>; null: its default).</param>
    public static IServiceCollection AddLocalEmbeddings(this IServiceCollection services, LocalEmbeddingModel model, int batchSize, string? modelFolder = null, int runBatchSize = 16)
    {
        // Registered as instances: the container does not dispose them, and the shared encoder outlives any one host.
        var encoder = OnnxSentenceEncoder.Shared(model, modelFolder);
        var passages = LocalEmbeddingGenerator.ForPassages(encoder, runBatchSize);
        var queries = LocalEmbeddingGenerator.ForQueries(encoder, runBatchSize);
        services.TryAddSingleton(encoder);
        services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(passages);
        services.TryAddSingleton(new PassageEmbedder(passages, model.Id, batchSize));
        services.TryAddSingleton(new QueryEmbedder(queries, model.Id, passages));
        return services;
    }
}
