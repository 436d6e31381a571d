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
            "local" => services.AddLocalEmbeddings(LocalEmbeddingModel.Find(options.Model)!, options.BatchSize),
            "openai" => services.AddOpenAiEmbeddings(configuration, options.BatchSize),
            _ => services,
        };
    }
}
