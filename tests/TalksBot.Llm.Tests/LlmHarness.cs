using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using TalksBot.Core.Answering;
using TalksBot.Core.Answering.Llm;
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
/// retriever, LLM answer writer over the real OpenAI SDK client, and the conversation pipeline.
/// </summary>
public sealed class LlmHarness : IAsyncDisposable
{
    private LlmHarness(FakeOpenAiServer fake, string folder) { Fake = fake; Folder = folder; }

    public FakeOpenAiServer Fake { get; }
    public string Folder { get; }
    public string ArticlesFolder => Path.Combine(Folder, "articles");
    public SqliteArticleIndex Index { get; private set; } = null!;
    public PassageRetriever Retriever { get; private set; } = null!;
    public QuestionAnswerer Answerer { get; private set; } = null!;
    public ConversationPipeline Pipeline { get; private set; } = null!;
    public LlmOptions Options { get; } = new() { Model = "test-model", ApiKey = "sk-test", TimeoutSeconds = 5 };
    public QueryEmbedder? QueryEmbedder { get; private set; }
    public RetrievalOptions Retrieval { get; } = new();

    public static async Task<LlmHarness> StartAsync(Action<LlmHarness>? arrange = null)
    {
        var fake = await FakeOpenAiServer.StartAsync();
        var harness = new LlmHarness(fake, Directory.CreateTempSubdirectory("talksbot-llm-").FullName);
        Directory.CreateDirectory(harness.ArticlesFolder);
        foreach (var f in Directory.GetFiles(SharedData.Articles)) File.Copy(f, Path.Combine(harness.ArticlesFolder, Path.GetFileName(f)));
        harness.Options.Endpoint = fake.Endpoint.ToString();
        arrange?.Invoke(harness);
        await harness.BuildAsync();
        return harness;
    }

    public async Task<RefreshReport> BuildAsync()
    {
        Index = new SqliteArticleIndex(Path.Combine(Folder, "talksbot.db"));
        var client = LlmServiceCollectionExtensions.CreateClient(Options);
        PassageEmbedder? embedder = null;
        if (Options.EmbeddingModel is { } model)
        {
            var generator = new OpenAiEmbeddingGenerator(client.GetEmbeddingClient(model));
            embedder = new PassageEmbedder(generator, model, Options.EmbeddingBatchSize);
            QueryEmbedder = new QueryEmbedder(generator, model);
        }
        var refresher = new IndexRefresher(Index, new PassageSplitter(), TimeProvider.System, embedder);
        var report = await refresher.RefreshAsync([new FolderSource(ArticlesFolder)], null, default);

        var prompts = PromptFiles.Load(Path.Combine(SharedData.RepositoryRoot, "prompts"));
        var settings = new LlmSettings(Options.Model!, TimeSpan.FromSeconds(Options.TimeoutSeconds), Options.MaxPassages, TimeSpan.FromSeconds(Options.MaxRetryAfterSeconds));
        var chat = new OpenAiChatClient(client.GetChatClient(Options.Model));
        Retriever = new PassageRetriever(Index, TextAnalyzer.Default, Retrieval, QueryEmbedder);
        var writer = new LlmAnswerWriter(chat, prompts, settings, new ExtractiveAnswerWriter(TextAnalyzer.Default), TimeProvider.System);
        Answerer = new QuestionAnswerer(Retriever, writer);
        Pipeline = new ConversationPipeline(Answerer, new ConversationMemory(6, TimeSpan.FromMinutes(30), TimeProvider.System),
            new UserRateLimiter(100, TimeProvider.System), Microsoft.Extensions.Options.Options.Create(new ChatOptions()),
            new LlmQuestionRewriter(chat, prompts, settings));
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
        await Fake.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
