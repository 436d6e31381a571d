using Microsoft.Extensions.AI;

namespace TalksBot.Embeddings.Local;

/// <summary>
/// An embedding generator over a local model. One for passages and one for queries share an encoder: the query one
/// adds the model's query prefix (if it has one). Does not own the encoder.
/// </summary>
public sealed class LocalEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    private readonly OnnxSentenceEncoder _encoder;
    private readonly string _prefix;
    private readonly int _batchSize;
    private readonly EmbeddingGeneratorMetadata _metadata;

    private LocalEmbeddingGenerator(OnnxSentenceEncoder encoder, string prefix, int batchSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        _encoder = encoder;
        _prefix = prefix;
        _batchSize = batchSize;
        _metadata = new EmbeddingGeneratorMetadata("local", null, encoder.Model.Id);
    }

    /// <summary>Embeds passages as they are.</summary>
    public static LocalEmbeddingGenerator ForPassages(OnnxSentenceEncoder encoder, int batchSize = 32) => new(encoder, "", batchSize);

    /// <summary>Embeds questions, with the model's query prefix.</summary>
    public static LocalEmbeddingGenerator ForQueries(OnnxSentenceEncoder encoder, int batchSize = 32) => new(encoder, encoder.Model.QueryPrefix, batchSize);

    public string ModelId => _encoder.Model.Id;

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var texts = values.Select(v => _prefix + v).ToList();
        var vectors = _encoder.Encode(texts, _batchSize, cancellationToken);
        var now = DateTimeOffset.UtcNow;
        var result = new GeneratedEmbeddings<Embedding<float>>(vectors.Length);
        foreach (var vector in vectors) result.Add(new Embedding<float>(vector) { ModelId = ModelId, CreatedAt = now });
        return Task.FromResult(result);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
        : serviceType == typeof(OnnxSentenceEncoder) ? _encoder
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    /// <summary>Nothing to release: the encoder is shared and outlives its generators.</summary>
    public void Dispose() { }
}
