using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TalksBot.Core;
using TalksBot.Core.Conversations;
using TalksBot.Core.Diagnostics;
using TalksBot.Core.Indexing;
using TalksBot.Core.Retrieval;
using TalksBot.Discord;
using TalksBot.Health;
using TalksBot.Llm;
using TalksBot.Sources;
using TalksBot.Telegram;

namespace TalksBot.Composition;

/// <summary>
/// The one composition root: the host, every verb and every test harness register TalksBot through
/// <see cref="AddTalksBot"/>. Parts are registered in one fixed order, and the result does not depend on it: Core
/// registers no default for what an adapter provides (the answer writer, the rewriter, embedders) but falls back
/// when resolving, so the model adapter is honoured whether it comes before or after Core.
/// </summary>
public static class TalksBotComposition
{
    public static IHostApplicationBuilder AddTalksBot(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        // 1. Every options section the host owns, bound and validated the same way, at start.
        services.AddValidatedOptions<IndexOptions>(configuration, IndexOptions.Section);
        services.AddSingleton<IPostConfigureOptions<IndexOptions>, IndexOptionsPaths>();
        services.AddValidatedOptions<ChatOptions>(configuration, ChatOptions.Section);
        services.AddValidatedOptions<RetrievalOptions>(configuration, RetrievalOptions.Section);
        services.AddValidatedOptions<QuestionLogOptions>(configuration, QuestionLogOptions.Section);
        services.AddValidatedOptions<TelemetryOptions>(configuration, TelemetryOptions.Section);
        services.AddValidatedOptions<HealthOptions>(configuration, HealthOptions.Section);

        // 2. The domain.
        services.AddTalksBotCore();
        // 3. Storage: the index (under each of its roles), bot state and feedback, as Index:Provider says.
        services.AddTalksBotIndex(configuration);
        // 4. Sources (each adapter binds and validates its own section, the same way).
        services.AddTalksBotSources(configuration);
        // 5. The language model, when Llm:Endpoint is set.
        services.AddTalksBotLlm(configuration);
        // 6. Embeddings, as Embeddings:Provider says.
        services.AddTalksBotEmbeddings(configuration);
        // 7. Chat platforms, each only when configured.
        services.AddTalksBotTelegram(configuration);
        services.AddTalksBotDiscord(configuration);
        return builder;
    }

    private static void AddValidatedOptions<TOptions>(this IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class =>
        services.AddOptions<TOptions>().Bind(configuration.GetSection(section)).ValidateDataAnnotations().ValidateOnStart();
}
