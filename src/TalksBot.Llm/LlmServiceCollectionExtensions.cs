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
/// rewriter, the prompts (read and checked now, so a bad file stops the start), and with Llm:EmbeddingModel the
/// embedding generator with its refresh step and question embedder. Call before AddTalksBotCore (which only TryAdds).
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

        if (!string.IsNullOrWhiteSpace(options.EmbeddingModel))
        {
            var embeddings = new OpenAiEmbeddingGenerator(client.GetEmbeddingClient(options.EmbeddingModel));
            services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(embeddings);
            services.TryAddSingleton(new PassageEmbedder(embeddings, options.EmbeddingModel, options.EmbeddingBatchSize));
            services.TryAddSingleton(new QueryEmbedder(embeddings, options.EmbeddingModel));
        }
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
