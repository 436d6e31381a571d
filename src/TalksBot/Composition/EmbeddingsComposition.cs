using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TalksBot.Embeddings.Local;
using TalksBot.Llm;

namespace TalksBot.Composition;

/// <summary>Chooses the embedding provider from Embeddings:Provider; call before AddTalksBotCore (which only TryAdds).</summary>
public static class EmbeddingsComposition
{
    public static IServiceCollection AddTalksBotEmbeddings(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(EmbeddingsOptions.Section);
        services.AddOptions<EmbeddingsOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        // The provider decides what is registered, so it is checked now rather than at start.
        var options = section.Get<EmbeddingsOptions>() ?? new EmbeddingsOptions();
        var problems = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), problems, validateAllProperties: true))
        {
            throw new OptionsValidationException(EmbeddingsOptions.Section, typeof(EmbeddingsOptions), problems.Select(p => p.ErrorMessage ?? "invalid"));
        }
        return options.NormalizedProvider switch
        {
            "local" => services.AddLocalEmbeddings(LocalEmbeddingModel.Find(options.Model)!, options.BatchSize, ModelFolder(options, configuration)),
            "openai" => services.AddOpenAiEmbeddings(configuration, options.BatchSize),
            _ => services,
        };
    }

    /// <summary>Embeddings:ModelFolder, else `models` beside the SQLite index, else the encoder's default under the user's data.</summary>
    internal static string? ModelFolder(EmbeddingsOptions options, IConfiguration configuration)
    {
        if (!string.IsNullOrWhiteSpace(options.ModelFolder)) return Path.GetFullPath(Environment.ExpandEnvironmentVariables(options.ModelFolder));
        var index = configuration.GetSection(Core.Indexing.IndexOptions.Section).Get<Core.Indexing.IndexOptions>() ?? new Core.Indexing.IndexOptions();
        if (index.Provider.Trim().Equals("postgres", StringComparison.OrdinalIgnoreCase)) return null;
        return Path.Combine(Path.GetDirectoryName(IndexOptionsPaths.DatabasePath(index.DatabasePath)) ?? ".", "models");
    }
}
