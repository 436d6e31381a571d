using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using OpenAI;
using TalksBot.Core.Answering;
using TalksBot.Core.Answering.Llm;
using TalksBot.Core.Conversations;
using TalksBot.Core.Prompts;
using TalksBot.Core.Refresh;
using TalksBot.Core.Retrieval;

namespace TalksBot.Llm;

/// <summary>
/// When Llm:Endpoint is set: the chat client, the LLM answer writer (in place of the extractive one), the follow-up
/// rewriter and the prompts (read and checked now, so a bad file stops the start). Embeddings are separate
/// (<see cref="AddOpenAiEmbeddings"/>, chosen by Embeddings:Provider). Call before AddTalksBotCore (which only TryAdds).
/// </summary>
public static class LlmServiceCollectionExtensions
{
    public static IServiceCollection AddTalksBotLlm(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LlmOptions>().Bind(configuration.GetSection(LlmOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        var options = configuration.GetSection(LlmOptions.Section).Get<LlmOptions>() ?? new LlmOptions();
        if (!options.Enabled) return services;
        var problems = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        if (!System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options, new(options), problems, validateAllProperties: true))
        {
            throw new Microsoft.Extensions.Options.OptionsValidationException(LlmOptions.Section, typeof(LlmOptions), problems.Select(p => p.ErrorMessage ?? "invalid"));
        }

        var prompts = PromptFiles.Load(options.PromptsPath);
        var settings = new LlmSettings(options.Model ?? "", TimeSpan.FromSeconds(options.TimeoutSeconds), options.MaxPassages, TimeSpan.FromSeconds(options.MaxRetryAfterSeconds));
        var client = CreateClient(options);
        services.AddSingleton(prompts);
        services.AddSingleton(settings);
        services.AddSingleton<IChatClient>(new OpenAiChatClient(client.GetChatClient(options.Model)));
        services.AddSingleton<TalksBot.Core.Health.IModelEndpointProbe>(new OpenAiModelProbe(client));
        services.TryAddSingleton<IAnswerWriter>(sp => new LlmAnswerWriter(
            sp.GetRequiredService<IChatClient>(), prompts, settings, sp.GetRequiredService<ExtractiveAnswerWriter>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetService<ILogger<LlmAnswerWriter>>()));
        services.TryAddSingleton<IQuestionRewriter>(sp => new LlmQuestionRewriter(sp.GetRequiredService<IChatClient>(), prompts, settings));

        return services;
    }

    /// <summary>
    /// Embeddings through the model server (Embeddings:Provider = openai): Llm:Endpoint and Llm:EmbeddingModel are
    /// required; vectors are stored under the model's own name.
    /// </summary>
    public static IServiceCollection AddOpenAiEmbeddings(this IServiceCollection services, IConfiguration configuration, int batchSize)
    {
        var options = configuration.GetSection(LlmOptions.Section).Get<LlmOptions>() ?? new LlmOptions();
        var missing = new List<string>();
        if (!options.Enabled) missing.Add("Llm:Endpoint");
        if (string.IsNullOrWhiteSpace(options.EmbeddingModel)) missing.Add("Llm:EmbeddingModel");
        if (missing.Count > 0)
        {
            throw new Microsoft.Extensions.Options.OptionsValidationException(LlmOptions.Section, typeof(LlmOptions),
                [$"Embeddings:Provider 'openai' needs {string.Join(" and ", missing)} (or set Embeddings:Provider to 'local' or 'none')."]);
        }
        var embeddings = new OpenAiEmbeddingGenerator(CreateClient(options).GetEmbeddingClient(options.EmbeddingModel));
        services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(embeddings);
        services.TryAddSingleton(new PassageEmbedder(embeddings, options.EmbeddingModel!, batchSize));
        services.TryAddSingleton(new QueryEmbedder(embeddings, options.EmbeddingModel!));
        return services;
    }

    internal static OpenAIClient CreateClient(LlmOptions options) => new(
        new ApiKeyCredential(string.IsNullOrWhiteSpace(options.ApiKey) ? "no-key" : options.ApiKey),
        new OpenAIClientOptions
        {
            Endpoint = new Uri(options.Endpoint!),
            // The answer writer owns timeouts and the single retry; the SDK's own retries would multiply them.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = TimeSpan.FromSeconds(options.TimeoutSeconds),
            UserAgentApplicationId = "TalksBot",
        });
}
