using Microsoft.Extensions.AI;
using TalksBot.Core.Indexing;

namespace TalksBot.Core.Refresh;

/// <summary>
/// Computes vectors for passages that have none for the configured model (new and changed ones), in batches,
/// as a refresh step; an unchanged re-refresh therefore sends no embedding request.
/// </summary>
public sealed class PassageEmbedder(IEmbeddingGenerator<string, Embedding<float>> generator, string model, int batchSize = 64)
{
    public string Model { get; } = model;

    public IEmbeddingGenerator<string, Embedding<float>> Generator { get; } = generator;

    public int BatchSize { get; } = batchSize;

    /// <param name="progress">Called before the first batch and after each with (embedded so far, total pending).</param>
    public async Task<int> EmbedPendingAsync(IIndexRefreshSession session, Action<int, int>? progress, CancellationToken cancellationToken)
    {
        int done = 0;
        int total = await session.CountPassagesWithoutEmbeddingAsync(Model, cancellationToken);
        if (total == 0) return 0;
        progress?.Invoke(0, total);
        while (true)
        {
            var batch = await session.GetPassagesWithoutEmbeddingAsync(Model, BatchSize, cancellationToken);
            if (batch.Count == 0) return done;
            var embeddings = await Generator.GenerateAsync(batch.Select(p => p.Text), cancellationToken: cancellationToken);
            if (embeddings.Count != batch.Count)
            {
                throw new InvalidOperationException($"The embedding model returned {embeddings.Count} vectors for {batch.Count} passages.");
            }
            var vectors = new List<(long, float[])>(batch.Count);
            for (int i = 0; i < batch.Count; i++) vectors.Add((batch[i].PassageId, embeddings[i].Vector.ToArray()));
            await session.StoreEmbeddingsAsync(Model, vectors, cancellationToken);
            done += batch.Count;
            progress?.Invoke(done, Math.Max(total, done));
        }
    }
}
