using Microsoft.Extensions.AI;

namespace TalksBot.Core.Retrieval;

/// <summary>Embeds questions with the same model the passages were embedded with, for hybrid retrieval.</summary>
public sealed class QueryEmbedder(IEmbeddingGenerator<string, Embedding<float>> generator, string model)
{
    public string Model { get; } = model;

    public IEmbeddingGenerator<string, Embedding<float>> Generator { get; } = generator;

    public async Task<ReadOnlyMemory<float>> EmbedAsync(string text, CancellationToken cancellationToken)
    {
        var result = await Generator.GenerateAsync([text], cancellationToken: cancellationToken);
        return result.Count == 0 ? ReadOnlyMemory<float>.Empty : result[0].Vector;
    }
}
