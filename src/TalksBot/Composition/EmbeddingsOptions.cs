using System.ComponentModel.DataAnnotations;

namespace TalksBot.Composition;

/// <summary>Configuration section "Embeddings": which model embeds passages and questions for hybrid retrieval.</summary>
public sealed class EmbeddingsOptions
{
    public const string Section = "Embeddings";

    /// <summary>local (a model shipped in the build, no network), openai (Llm:Endpoint + Llm:EmbeddingModel) or none (keyword search only).</summary>
    [RegularExpression("^(?i:local|openai|none)$", ErrorMessage = "Embeddings:Provider must be local, openai or none.")]
    public string Provider { get; set; } = "local";

    /// <summary>The local model: minilm (all-MiniLM-L6-v2) or arctic-xs (snowflake-arctic-embed-xs).</summary>
    [RegularExpression("^(?i:minilm|arctic-xs)$", ErrorMessage = "Embeddings:Model must be minilm or arctic-xs.")]
    public string Model { get; set; } = "minilm";

    /// <summary>Passages embedded per step of a refresh (also the request size for an OpenAI-compatible server).</summary>
    [Range(1, 2048, ErrorMessage = "Embeddings:BatchSize must be between 1 and 2048.")]
    public int BatchSize { get; set; } = 64;

    /// <summary>
    /// Where a local model is written as a file to be loaded by path (the model ships inside the build; loading it by
    /// path keeps two extra copies of its weights out of memory). Default: `models` beside the SQLite index (a folder
    /// the bot can write wherever it runs), else TalksBot/models under the user's local application data.
    /// </summary>
    public string? ModelFolder { get; set; }

    public string NormalizedProvider => Provider.Trim().ToLowerInvariant();
}
