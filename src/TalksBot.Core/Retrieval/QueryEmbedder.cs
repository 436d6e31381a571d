using Microsoft.Extensions.AI;

namespace TalksBot.Core.Retrieval;

/// <summary>Embeds questions with the same model the passages were embedded with, for hybrid retrieval.</summary>
/// <param name="documents">
/// Embeds text of the articles (the sentences an extractive answer chooses from) as the passages were embedded; a model
/// with a query prefix embeds questions and documents apart. Defaults to <paramref name="generator"/>.
/// </param>
public sealed class QueryEmbedder(IEmbeddingGenerator<string, Embedding<float>> generator, string model, IEmbeddingGenerator<string, Embedding<float>>? documents = null)
{
    public string Model { get; } = model;

    public IEmbeddingGenerator<string, Embedding<float>> Generator { get; } = generator;

    public IEmbeddingGenerator<string, Embedding<float>> Documents { get; } = documents ?? generator;

    /// <summary>Vectors of article sentences, in order, in one request.</summary>
    public async Task<IReadOnlyList<ReadOnlyMemory<float>>> EmbedDocumentsAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        if (texts.Count == 0) return [];
        var result = await Documents.GenerateAsync(texts, cancellationToken: cancellationToken);
        return result.Select(e => e.Vector).ToList();
    }

    public async Task<ReadOnlyMemory<float>> EmbedAsync(string text, CancellationToken cancellationToken)
    {
        var result = await Generator.GenerateAsync([text], cancellationToken: cancellationToken);
        return result.Count == 0 ? ReadOnlyMemory<float>.Empty : result[0].Vector;
    }
}
