using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using TalksBot.Core.Chat;
using TalksBot.Core.Conversations;
using TalksBot.Core.Feedback;
using TalksBot.Core.Indexing;

namespace TalksBot.Index.Postgres;

/// <summary>
/// Registers PostgreSQL as the store of everything several instances must share: the index (under each of its roles),
/// key/value state, feedback, claims on Telegram updates, conversation turns, answered messages and rate-limit counts — on one database
/// (ConnectionStrings:TalksBot in the host).
/// </summary>
public static class PostgresIndexServiceCollectionExtensions
{
    public static IServiceCollection AddPostgresArticleIndex(this IServiceCollection services, string connectionString)
    {
        services.TryAddSingleton(_ => new PostgresDatabase(connectionString));
        services.TryAddSingleton(sp => new PostgresArticleIndex(sp.GetRequiredService<PostgresDatabase>(), sp.GetService<ILogger<PostgresArticleIndex>>()));
        services.AddArticleIndex(sp => sp.GetRequiredService<PostgresArticleIndex>());
        services.TryAddSingleton<IStateStore>(sp => new PostgresStateStore(sp.GetRequiredService<PostgresDatabase>()));
        services.TryAddSingleton<IFeedbackStore>(sp => new PostgresFeedbackStore(sp.GetRequiredService<PostgresDatabase>()));
        services.TryAddSingleton<IClaimStore>(sp => new PostgresClaimStore(sp.GetRequiredService<PostgresDatabase>(), sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.TryAddSingleton<IConversationStore>(sp => new PostgresConversationStore(sp.GetRequiredService<PostgresDatabase>()));
        services.TryAddSingleton<IAnsweredMessageStore>(sp => new PostgresAnsweredMessageStore(sp.GetRequiredService<PostgresDatabase>()));
        services.TryAddSingleton<IRateLimitStore>(sp => new PostgresRateLimitStore(sp.GetRequiredService<PostgresDatabase>()));
        return services;
    }
}
