using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using OpenAI;
using TalksBot.Core.Answering;
using TalksBot.Core.Answering.Llm;
using TalksBot.Core.Conversations;
using TalksBot.Core.Diagnostics;
using TalksBot.Core.Refresh;
using TalksBot.Core.Retrieval;

namespace TalksBot.Llm;

/// <summary>
/// When Llm:Endpoint is set: a Semantic Kernel <see cref="Kernel"/> over the OpenAI-compatible endpoint (an
/// IChatClient from Microsoft.Extensions.AI.OpenAI with function invocation, OpenTelemetry, logging and default
/// options), the prompt files as its prompt functions (read and checked now, so a bad file stops the start), the LLM
/// answer writer (in place of the extractive one) and the follow-up rewriter. Embeddings are separate
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

        var prompts = PromptFunctions.Load(options.PromptsPath);
        var settings = new LlmSettings(options.Model ?? "", TimeSpan.FromSeconds(options.TimeoutSeconds), options.MaxPassages, TimeSpan.FromSeconds(options.MaxRetryAfterSeconds));
        services.AddModelClient(options);
        services.AddSingleton(prompts);
        services.AddSingleton(settings);
        services.AddSingleton(sp => CreateKernel(sp, options));
        services.AddSingleton<ILanguageModel>(sp => new KernelLanguageModel(
            sp.GetRequiredService<Kernel>(), prompts, options.Model!,
            options.ToolCalling
                ? passages => new ArticleSearchPlugin(sp.GetRequiredService<PassageRetriever>(), passages, options.MaxSearchesPerAnswer, options.MaxPassages)
                : null));
        services.AddSingleton<TalksBot.Core.Health.IModelEndpointProbe>(sp => new OpenAiModelProbe(sp.GetRequiredService<OpenAIClient>()));
        services.TryAddSingleton<IAnswerWriter>(sp => new LlmAnswerWriter(
            sp.GetRequiredService<ILanguageModel>(), settings, sp.GetRequiredService<ExtractiveAnswerWriter>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetService<ILogger<LlmAnswerWriter>>()));
        services.TryAddSingleton<IQuestionRewriter>(sp => new LlmQuestionRewriter(sp.GetRequiredService<ILanguageModel>(), settings));

        return services;
    }

    /// <summary>
    /// Embeddings through the model server (Embeddings:Provider = openai), through Semantic Kernel's OpenAI connector
    /// on the same client as the chat: Llm:Endpoint and Llm:EmbeddingModel are required; vectors are stored under the
    /// model's own name.
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
        services.AddModelClient(options);
#pragma warning disable SKEXP0010 // AddOpenAIEmbeddingGenerator is marked experimental; its IEmbeddingGenerator contract is Microsoft.Extensions.AI's.
        services.AddOpenAIEmbeddingGenerator(options.EmbeddingModel!, openTelemetrySourceName: TalksBotTelemetry.Name);
#pragma warning restore SKEXP0010
        services.TryAddSingleton(sp => new PassageEmbedder(sp.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>(), options.EmbeddingModel!, batchSize));
        services.TryAddSingleton(sp => new QueryEmbedder(sp.GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>(), options.EmbeddingModel!));
        return services;
    }

    /// <summary>The OpenAI SDK client for chat, embeddings and the health probe, over the resilient HttpClient.</summary>
    private static void AddModelClient(this IServiceCollection services, LlmOptions options)
    {
        if (services.Any(d => d.ServiceType == typeof(OpenAIClient))) return;
        services.AddModelHttpClient(TimeSpan.FromSeconds(options.MaxRetryAfterSeconds));
        services.AddSingleton(sp => CreateClient(options, sp.GetRequiredService<IHttpClientFactory>().CreateClient(ModelRetryPolicy.HttpClientName)));
    }

    internal static OpenAIClient CreateClient(LlmOptions options, HttpClient httpClient) => new(
        new ApiKeyCredential(string.IsNullOrWhiteSpace(options.ApiKey) ? "no-key" : options.ApiKey),
        new OpenAIClientOptions
        {
            Endpoint = new Uri(options.Endpoint!),
            Transport = new HttpClientPipelineTransport(httpClient),
            // TalksBot's HttpClient retries once (ModelRetryPolicy) and the answer writer owns the deadline; the SDK's
            // own retries (three, with backoff) would multiply both.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = TimeSpan.FromSeconds(options.TimeoutSeconds),
            UserAgentApplicationId = "TalksBot",
        });

    /// <summary>
    /// The kernel: the chat model as an IChatClient, wrapped (outermost first) in Semantic Kernel's function
    /// invocation (tool calls and their filters), default options, OpenTelemetry (TalksBot's activity source and
    /// meter) and logging (at Debug: see <see cref="DebugLevelLoggerFactory"/>), then the token counter; plus the prompt
    /// shape check on every rendered prompt.
    /// </summary>
    internal static Kernel CreateKernel(IServiceProvider services, LlmOptions options)
    {
        var loggerFactory = services.GetService<ILoggerFactory>() is { } hostLoggers ? new DebugLevelLoggerFactory(hostLoggers) : null;
        var chat = new ChatClientBuilder(services.GetRequiredService<OpenAIClient>().GetChatClient(options.Model).AsIChatClient())
            .UseKernelFunctionInvocation(loggerFactory)
            .ConfigureOptions(o => o.ModelId ??= options.Model)
            .UseOpenTelemetry(loggerFactory, TalksBotTelemetry.Name)
            .UseLogging(loggerFactory)
            .Use(inner => new TokenCountingChatClient(inner))
            .Build(services);
        if (chat.GetService<FunctionInvokingChatClient>() is { } invoker)
        {
            // A model that keeps calling after its searches are refused is stopped, not indulged 128 times.
            invoker.MaximumIterationsPerRequest = options.MaxSearchesPerAnswer + 2;
        }
        var builder = Kernel.CreateBuilder();
        builder.Services.AddSingleton(chat);
        if (loggerFactory is not null) builder.Services.AddSingleton<ILoggerFactory>(loggerFactory);
        var kernel = builder.Build();
        kernel.PromptRenderFilters.Add(new PromptShapeFilter());
        return kernel;
    }
}
