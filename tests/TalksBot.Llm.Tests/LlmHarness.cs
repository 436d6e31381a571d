using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TalksBot.Core.Answering;
using TalksBot.Core.Articles;
using TalksBot.Core.Conversations;
using TalksBot.Core.Refresh;
using TalksBot.Core.Retrieval;
using TalksBot.Core.Sources;
using TalksBot.Index.Sqlite;
using TalksBot.Sources.Folders;
using TalksBot.Testing;

namespace TalksBot.Llm.Tests;

/// <summary>
/// The real answering path against the fake model: SQLite index of the seed articles (plus any planted files),
/// retriever, and the language model composed as the host composes it (AddTalksBotLlm: the Semantic Kernel kernel over
/// the OpenAI SDK and the resilient HttpClient, the prompt functions, the LLM answer writer and rewriter), under the
/// conversation pipeline.
/// </summary>
public sealed class LlmHarness : IAsyncDisposable
{
    private ServiceProvider? _services;

    private readonly TempFolder _folder;

    private LlmHarness(FakeOpenAiServer fake, TempFolder folder) { Fake = fake; _folder = folder; }

    public FakeOpenAiServer Fake { get; }
    public string Folder => _folder.Path;
    public string ArticlesFolder => Path.Combine(Folder, "articles");
    public SqliteArticleIndex Index { get; private set; } = null!;
    public PassageRetriever Retriever { get; private set; } = null!;
    public QuestionAnswerer Answerer { get; private set; } = null!;
    public ConversationPipeline Pipeline { get; private set; } = null!;
    public LlmOptions Options { get; } = new() { Model = "test-model", ApiKey = "sk-test", TimeoutSeconds = 5 };
    public QueryEmbedder? QueryEmbedder { get; private set; }
    public RetrievalOptions Retrieval { get; } = new();

    /// <summary>The clock of the answer writer and the HTTP retry policy (a FakeTimeProvider in timing tests).</summary>
    public TimeProvider Time { get; set; } = TimeProvider.System;

    public static async Task<LlmHarness> StartAsync(Action<LlmHarness>? arrange = null)
    {
        var fake = await FakeOpenAiServer.StartAsync();
        var harness = new LlmHarness(fake, new TempFolder("talksbot-llm-", SqliteConnection.ClearAllPools));
        Directory.CreateDirectory(harness.ArticlesFolder);
        foreach (var f in Directory.GetFiles(SharedData.Articles)) File.Copy(f, Path.Combine(harness.ArticlesFolder, Path.GetFileName(f)));
        harness.Options.Endpoint = fake.Endpoint.ToString();
        harness.Options.PromptsPath = Path.Combine(SharedData.RepositoryRoot, "prompts");
        arrange?.Invoke(harness);
        await harness.BuildAsync();
        return harness;
    }

    /// <summary>The Llm section as configuration, from <see cref="Options"/>.</summary>
    public IConfiguration Configuration() => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Llm:Endpoint"] = Options.Endpoint,
        ["Llm:ApiKey"] = Options.ApiKey,
        ["Llm:Model"] = Options.Model,
        ["Llm:EmbeddingModel"] = Options.EmbeddingModel,
        ["Llm:TimeoutSeconds"] = Options.TimeoutSeconds.ToString(CultureInfo.InvariantCulture),
        ["Llm:MaxPassages"] = Options.MaxPassages.ToString(CultureInfo.InvariantCulture),
        ["Llm:PromptsPath"] = Options.PromptsPath,
        ["Llm:MaxRetryAfterSeconds"] = Options.MaxRetryAfterSeconds.ToString(CultureInfo.InvariantCulture),
        ["Llm:EmbeddingBatchSize"] = Options.EmbeddingBatchSize.ToString(CultureInfo.InvariantCulture),
        ["Llm:ToolCalling"] = Options.ToolCalling ? "true" : "false",
        ["Llm:MaxSearchesPerAnswer"] = Options.MaxSearchesPerAnswer.ToString(CultureInfo.InvariantCulture),
    }).Build();

    public async Task<RefreshReport> BuildAsync()
    {
        if (_services is not null) await _services.DisposeAsync();
        Index = new SqliteArticleIndex(Path.Combine(Folder, "talksbot.db"));
        var configuration = Configuration();
        var services = new ServiceCollection();
        services.AddSingleton(Time);
        services.AddSingleton(new ExtractiveAnswerWriter(TextAnalyzer.Default));
        // Resolved when an answer searches again, by then built below.
        services.AddSingleton(_ => Retriever);
        services.AddTalksBotLlm(configuration);
        if (Options.EmbeddingModel is not null) services.AddOpenAiEmbeddings(configuration, Options.EmbeddingBatchSize);
        _services = services.BuildServiceProvider();

        QueryEmbedder = _services.GetService<QueryEmbedder>();
        var refresher = new IndexRefresher(Index, new PassageSplitter(), TimeProvider.System, _services.GetService<PassageEmbedder>());
        var report = await refresher.RefreshAsync([new FolderSource(ArticlesFolder)], null, default);

        Retriever = new PassageRetriever(Index, TextAnalyzer.Default, Retrieval, QueryEmbedder);
        Answerer = new QuestionAnswerer(Retriever, _services.GetRequiredService<IAnswerWriter>());
        Pipeline = new ConversationPipeline(Answerer, new ConversationMemory(6, TimeSpan.FromMinutes(30), TimeProvider.System),
            new UserRateLimiter(100, TimeProvider.System), Microsoft.Extensions.Options.Options.Create(new ChatOptions()),
            _services.GetRequiredService<IQuestionRewriter>());
        return report;
    }

    public static async Task<(Answer Final, List<AnswerUpdate> Updates)> CollectAsync(IAsyncEnumerable<AnswerUpdate> updates)
    {
        var all = new List<AnswerUpdate>();
        await foreach (var u in updates) all.Add(u);
        return (all[^1].Final ?? throw new InvalidOperationException("no final update"), all);
    }

    public async ValueTask DisposeAsync()
    {
        if (_services is not null) await _services.DisposeAsync();
        await Fake.DisposeAsync();
        _folder.Dispose();
    }
}
