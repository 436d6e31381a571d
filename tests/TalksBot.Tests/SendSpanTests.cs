using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Trace;
using TalksBot.Core;
using TalksBot.Core.Chat;
using TalksBot.Core.Diagnostics;
using TalksBot.Core.Indexing;
using TalksBot.Core.Moderation;
using TalksBot.Index.Sqlite;
using TalksBot.Sources;
using TalksBot.Testing;

namespace TalksBot.Tests;

/// <summary>
/// Issue 15: the trace of a chat question is question → retrieve → answer → send, one "question" span holding all
/// three, read through OpenTelemetry's in-memory exporter (in the telemetry collection: the source is process-wide).
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class SendSpanTests : IDisposable
{
    private readonly TempFolder _dir = new("talksbot-send-span-", SqliteConnection.ClearAllPools);

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_chat_answer_is_sent_inside_a_send_span_beside_retrieve_and_answer_under_one_question_span()
    {
        var spans = new List<Activity>();
        using var tracer = Sdk.CreateTracerProviderBuilder().AddSource(TalksBotTelemetry.Name).AddInMemoryExporter(spans).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.Configure<IndexOptions>(o =>
        {
            o.DatabasePath = Path.Combine(_dir.Path, "talksbot.db");
            o.Sources = [SharedData.Articles];
        });
        services.AddTalksBotSources(new ConfigurationBuilder().Build());
        services.AddTalksBotCore();
        services.AddSqliteArticleIndex();
        await using var sp = services.BuildServiceProvider();
        await sp.GetRequiredService<IndexMaintenance>().RefreshAsync(null, default);
        spans.Clear();

        var reply = new SpanNotingReply();
        var ask = new ChatInvocation(ChatCommand.Ask("What are Zelensky's preconditions?"), "telegram:7", "telegram:7", _ => Task.FromResult(false));
        await sp.GetRequiredService<ChatFrontEnd>().HandleAsync(ask, reply, default);
        tracer.ForceFlush();

        Assert.Equal("send", reply.SpanWhileShowingAnswer); // the platform's call happens inside the span
        var question = Assert.Single(spans, s => s.OperationName == "question");
        Assert.Equal("telegram", question.GetTagItem("talksbot.platform"));
        Assert.Equal("extractive", question.GetTagItem("talksbot.mode")); // the pipeline tagged the front end's span
        foreach (var child in new[] { "retrieve", "answer", "send" })
        {
            Assert.Contains(spans, s => s.OperationName == child && s.ParentSpanId == question.SpanId && s.TraceId == question.TraceId);
        }
        var send = Assert.Single(spans, s => s.OperationName == "send");
        Assert.Equal("answer", send.GetTagItem("talksbot.reply"));
        Assert.True(send.StartTimeUtc >= spans.Single(s => s.OperationName == "answer").StartTimeUtc);
        Assert.True(send.StartTimeUtc + send.Duration <= question.StartTimeUtc + question.Duration);
    }

    private sealed class SpanNotingReply : IChatReply
    {
        public string? SpanWhileShowingAnswer { get; private set; }
        public ChatPacing Pacing { get; } = new(TimeSpan.Zero, TimeSpan.FromHours(1), 4096);
        public Task ShowDraftAsync(string text, CancellationToken cancellationToken) => Task.CompletedTask;
        public Task ShowAnswerAsync(ChatAnswer answer, CancellationToken cancellationToken)
        {
            SpanWhileShowingAnswer = Activity.Current?.OperationName;
            return Task.CompletedTask;
        }
        public Task ShowTextAsync(string text, CancellationToken cancellationToken) => Task.CompletedTask;
        public Task SendTypingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
