using System.ComponentModel.DataAnnotations;

namespace TalksBot.Llm;

/// <summary>Configuration section "Llm". No Endpoint means no model: answers are extractive.</summary>
public sealed class LlmOptions : IValidatableObject
{
    public const string Section = "Llm";

    /// <summary>An OpenAI-compatible base URL: https://api.openai.com/v1, https://NAME.openai.azure.com/openai/v1/, http://localhost:11434/v1 …</summary>
    public string? Endpoint { get; set; }

    public string? ApiKey { get; set; }

    public string? Model { get; set; }

    /// <summary>Turns on hybrid retrieval: passages are embedded at refresh and questions at ask time.</summary>
    public string? EmbeddingModel { get; set; }

    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 30;

    [Range(1, 20)]
    public int MaxPassages { get; set; } = 6;

    /// <summary>Folder of system.md, answer.md and rewrite.md.</summary>
    public string PromptsPath { get; set; } = "prompts";

    /// <summary>The longest 429 Retry-After worth waiting for before the one retry.</summary>
    [Range(0, 60)]
    public int MaxRetryAfterSeconds { get; set; } = 5;

    [Range(1, 2048)]
    public int EmbeddingBatchSize { get; set; } = 64;

    /// <summary>
    /// Lets the model search the articles again while it answers (articles.search), for multi-part and timeline
    /// questions. Off by default: models without tool calling keep the one-retrieval path.
    /// </summary>
    public bool ToolCalling { get; set; }

    /// <summary>The most searches the model may make for one answer; more are refused with a note to answer now.</summary>
    [Range(1, 10)]
    public int MaxSearchesPerAnswer { get; set; } = 3;

    public bool Enabled => !string.IsNullOrWhiteSpace(Endpoint);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled) yield break;
        if (!Uri.TryCreate(Endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            yield return new ValidationResult($"Llm:Endpoint '{Endpoint}' is not an absolute http(s) URL.", [nameof(Endpoint)]);
        if (string.IsNullOrWhiteSpace(Model))
            yield return new ValidationResult("Llm:Model is required when Llm:Endpoint is set.", [nameof(Model)]);
    }
}
