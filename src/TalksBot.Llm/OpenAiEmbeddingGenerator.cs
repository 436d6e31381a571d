using Microsoft.Extensions.AI;
using OpenAI.Embeddings;

namespace TalksBot.Llm;

/// <summary>IEmbeddingGenerator over the OpenAI SDK's EmbeddingClient: one request per batch of texts.</summary>
public sealed class OpenAiEmbeddingGenerator(EmbeddingClient client) : IEmbeddingGenerator<string, Embedding<float>>
{
    public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, Microsoft.Extensions.AI.EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        OpenAIEmbeddingCollection result;
        try
        {
            result = (await client.GenerateEmbeddingsAsync(values.ToList(), cancellationToken: cancellationToken)).Value;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw OpenAiErrors.Translate(ex);
        }
        return new GeneratedEmbeddings<Embedding<float>>(result.OrderBy(e => e.Index).Select(e => new Embedding<float>(e.ToFloats())));
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose() { }
}
