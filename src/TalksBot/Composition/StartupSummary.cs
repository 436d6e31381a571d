using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TalksBot.Core.Indexing;
using TalksBot.Core.Sources;
using TalksBot.Llm;

namespace TalksBot.Composition;

/// <summary>The one start-up line an operator reads first: which database, sources, models and platforms this process uses. No secrets.</summary>
internal static partial class StartupSummary
{
    public static void Log(IServiceProvider services, IReadOnlyList<string> platforms)
    {
        var index = services.GetRequiredService<IOptions<IndexOptions>>().Value;
        var llm = services.GetRequiredService<IOptions<LlmOptions>>().Value;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("TalksBot.Startup");
        Starting(logger,
            index.DatabasePath ?? "",
            index.Sources.Count == 0 ? "none configured" : string.Join(", ", index.Sources.Select(UrlSecrets.Hide)),
            string.IsNullOrWhiteSpace(llm.EmbeddingModel) ? "off" : llm.EmbeddingModel,
            llm.Enabled ? $"on ({llm.Model} at {EndpointHost(llm.Endpoint!)})" : "off (extractive answers)",
            string.Join(", ", platforms));
    }

    /// <summary>Scheme, host and port only: a URL's user info or query could carry a key.</summary>
    private static string EndpointHost(string endpoint) =>
        Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) ? $"{uri.Scheme}://{uri.Authority}" : "(invalid endpoint)";

    [LoggerMessage(EventId = 1, EventName = "Starting", Level = LogLevel.Information,
        Message = "TalksBot starting: database {Database}; sources {Sources}; embedding model {EmbeddingModel}; language model {LanguageModel}; platforms {Platforms}")]
    private static partial void Starting(ILogger logger, string database, string sources, string embeddingModel, string languageModel, string platforms);
}
