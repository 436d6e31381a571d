using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TalksBot.Core.Answering;
using TalksBot.Core.Articles;
using TalksBot.Core.Conversations;
using TalksBot.Core.Moderation;
using TalksBot.Core.Refresh;
using TalksBot.Core.Retrieval;

namespace TalksBot.Core;

/// <summary>
/// Registers the domain services. The host binds the options (Chat, Index, Retrieval) and adds an index and an
/// IArticleSourceFactory. What an adapter may provide — an IAnswerWriter, an IQuestionRewriter, embedders — has no
/// default registered here: it is looked up when resolving, with the extractive writer as the fallback, so adapters may
/// be registered before or after this.
/// </summary>
public static class CoreServiceCollectionExtensions
{
    public static IServiceCollection AddTalksBotCore(this IServiceCollection services)
    {
        services.AddOptions<ChatOptions>();
        services.AddOptions<RetrievalOptions>();
        services.AddOptions<Indexing.IndexOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<Diagnostics.QuestionLogOptions>();
        services.TryAddSingleton<Diagnostics.QuestionTelemetry>();
        services.TryAddSingleton<Health.PlatformStatusBoard>();
        services.TryAddSingleton(TextAnalyzer.Default);
        services.TryAddSingleton(new PassageSplitter());
        services.TryAddSingleton(sp => new PassageRetriever(
            sp.GetRequiredService<Indexing.IPassageSearch>(),
            sp.GetRequiredService<TextAnalyzer>(),
            sp.GetRequiredService<IOptions<RetrievalOptions>>().Value,
            sp.GetService<QueryEmbedder>(),
            sp.GetService<Microsoft.Extensions.Logging.ILogger<PassageRetriever>>()));
        services.TryAddSingleton<ExtractiveAnswerWriter>();
        services.TryAddSingleton(sp => new QuestionAnswerer(
            sp.GetRequiredService<PassageRetriever>(),
            sp.GetService<IAnswerWriter>() ?? sp.GetRequiredService<ExtractiveAnswerWriter>()));
        services.TryAddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<ChatOptions>>().Value;
            return new ConversationMemory(o.MemoryTurns, TimeSpan.FromMinutes(o.MemoryMinutes), sp.GetRequiredService<TimeProvider>(),
                store: sp.GetService<IConversationStore>());
        });
        services.TryAddSingleton(sp => new UserRateLimiter(
            sp.GetRequiredService<IOptions<ChatOptions>>().Value.QuestionsPerMinute, sp.GetRequiredService<TimeProvider>(), sp.GetService<IRateLimitStore>()));
        services.TryAddSingleton(sp => new ConversationPipeline(
            sp.GetRequiredService<QuestionAnswerer>(),
            sp.GetRequiredService<ConversationMemory>(),
            sp.GetRequiredService<UserRateLimiter>(),
            sp.GetRequiredService<IOptions<ChatOptions>>(),
            sp.GetService<IQuestionRewriter>(),
            sp.GetService<Microsoft.Extensions.Logging.ILogger<ConversationPipeline>>(),
            sp.GetService<Diagnostics.QuestionTelemetry>()));
        services.TryAddSingleton(sp => new IndexRefresher(
            sp.GetRequiredService<Indexing.IIndexStore>(),
            sp.GetRequiredService<PassageSplitter>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<PassageEmbedder>(),
            sp.GetService<Microsoft.Extensions.Logging.ILogger<IndexRefresher>>(),
            analyzer: sp.GetRequiredService<TextAnalyzer>()));
        services.TryAddSingleton<SourceCatalog>();
        services.TryAddSingleton<IndexMaintenance>();
        services.TryAddSingleton<ChatModeration>();
        services.TryAddSingleton<IConversationPipeline>(sp => sp.GetRequiredService<ConversationPipeline>());
        // Needs an IFeedbackStore from the state adapter (SQLite registers one).
        // Written through to the state adapter's store when it registers one (SQLite's state file, PostgreSQL).
        services.TryAddSingleton(sp => new Chat.AnsweredMessages(store: sp.GetService<Chat.IAnsweredMessageStore>(),
            logger: sp.GetService<Microsoft.Extensions.Logging.ILogger<Chat.AnsweredMessages>>()));
        services.TryAddSingleton(sp => new Chat.ChatFrontEnd(
            sp.GetRequiredService<IConversationPipeline>(),
            sp.GetRequiredService<IndexMaintenance>(),
            sp.GetRequiredService<SourceCatalog>(),
            sp.GetRequiredService<ChatModeration>(),
            sp.GetRequiredService<Feedback.IFeedbackStore>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<Microsoft.Extensions.Logging.ILogger<Chat.ChatFrontEnd>>(),
            sp.GetRequiredService<Chat.AnsweredMessages>()));
        return services;
    }
}
