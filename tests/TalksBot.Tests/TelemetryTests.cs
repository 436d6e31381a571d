using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using TalksBot.Core;
using TalksBot.Core.Answering;
using TalksBot.Core.Conversations;
using TalksBot.Core.Diagnostics;
using TalksBot.Core.Indexing;
using TalksBot.Core.Moderation;
using TalksBot.Index.Sqlite;
using TalksBot.Sources;
using TalksBot.Testing;

namespace TalksBot.Tests;

/// <summary>The meter and spans read through OpenTelemetry's in-memory exporter. Alone in its collection: the meter is process-wide.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class TelemetryTests : IDisposable
{
    private readonly TempFolder _dir = new("talksbot-telemetry-", SqliteConnection.ClearAllPools);
    private readonly List<Metric> _metrics = [];
    private readonly List<Activity> _spans = [];
    private readonly EventRecorder _events = new();

    public void Dispose() => _dir.Dispose();

    private ServiceProvider Services(bool includeQuestions)
    {
        return ComposedServices.Build([], services =>
        {
            services.AddLogging(l => l.AddProvider(_events).SetMinimumLevel(LogLevel.Information));
            services.Configure<IndexOptions>(o =>
            {
                o.DatabasePath = Path.Combine(_dir.Path, "talksbot.db");
                o.Sources = [SharedData.Articles];
            });
            services.Configure<QuestionLogOptions>(o => o.IncludeQuestions = includeQuestions);
        });
    }

    [Fact]
    public async Task Refresh_and_questions_are_counted_timed_and_traced()
    {
        using var meters = Sdk.CreateMeterProviderBuilder().AddMeter(TalksBotTelemetry.Name).AddInMemoryExporter(_metrics).Build();
        using var tracer = Sdk.CreateTracerProviderBuilder().AddSource(TalksBotTelemetry.Name).AddInMemoryExporter(_spans).Build();
        await using var sp = Services(includeQuestions: false);

        var report = await sp.GetRequiredService<IndexMaintenance>().RefreshAsync(null, default);
        Assert.True(report.Added > 0);
        var pipeline = sp.GetRequiredService<ConversationPipeline>();
        var answer = await FinalAsync(pipeline.AskAsync(new ChatQuestion("telegram:7", "telegram:7", "What are Zelensky's preconditions?"), default));
        Assert.True(answer.Grounded);
        var refused = await FinalAsync(pipeline.AskAsync(new ChatQuestion("discord:9", "discord:9", "   "), default));
        Assert.True(refused.IsRefusal);

        meters.ForceFlush();
        tracer.ForceFlush();
        Assert.Equal(1, Sum("talksbot.questions", ("platform", "telegram")));
        Assert.Equal(1, Sum("talksbot.questions", ("platform", "discord")));
        Assert.Equal(1, Sum("talksbot.answers", ("mode", "extractive"), ("grounded", "true")));
        Assert.Equal(1, Sum("talksbot.refusals", ("reason", "empty")));
        Assert.Equal(1, HistogramCount("talksbot.answer.duration"));
        Assert.Equal(1, HistogramCount("talksbot.refresh.duration"));
        Assert.Equal(report.Added, Sum("talksbot.refresh.articles", ("outcome", "added")));

        var question = Assert.Single(_spans, s => s.OperationName == "question" && (string?)s.GetTagItem("talksbot.platform") == "telegram");
        Assert.Contains(_spans, s => s.OperationName == "retrieve" && s.ParentSpanId == question.SpanId);
        Assert.Contains(_spans, s => s.OperationName == "answer" && s.ParentSpanId == question.SpanId);
        var refresh = Assert.Single(_spans, s => s.OperationName == "refresh");
        Assert.Contains(_spans, s => s.OperationName == "source" && s.ParentSpanId == refresh.SpanId && (string?)s.GetTagItem("talksbot.source") == SharedData.Articles);
    }

    [Fact]
    public async Task Each_question_leaves_one_structured_event_without_its_text_unless_asked()
    {
        await using (var sp = Services(includeQuestions: false))
        {
            await sp.GetRequiredService<IndexMaintenance>().RefreshAsync(null, default);
            await FinalAsync(sp.GetRequiredService<ConversationPipeline>().AskAsync(new ChatQuestion("telegram:1", "telegram:1", "What are Zelensky's preconditions?"), default));
        }
        var answered = Assert.Single(_events.Events, e => e.Id.Id == 1001);
        Assert.Equal("QuestionAnswered", answered.Id.Name);
        Assert.Equal("telegram", answered.Fields["Platform"]);
        Assert.Equal("extractive", answered.Fields["Mode"]);
        Assert.Equal(true, answered.Fields["Grounded"]);
        Assert.True((int)answered.Fields["Citations"]! > 0);
        Assert.True(answered.Fields.ContainsKey("LatencyMs"));
        Assert.Null(answered.Fields["Question"]);
        Assert.DoesNotContain("Zelensky", answered.Message);

        _events.Events.Clear();
        await using (var sp = Services(includeQuestions: true))
        {
            await FinalAsync(sp.GetRequiredService<ConversationPipeline>().AskAsync(new ChatQuestion("discord:1", "discord:1", "What are Zelensky's preconditions?"), default));
        }
        Assert.Equal("What are Zelensky's preconditions?", Assert.Single(_events.Events, e => e.Id.Id == 1001).Fields["Question"]);
    }

    private long Sum(string name, params (string Key, string Value)[] tags)
    {
        long total = 0;
        foreach (var metric in _metrics.Where(m => m.Name == name))
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                var pointTags = new Dictionary<string, object?>();
                foreach (var tag in point.Tags) pointTags[tag.Key] = tag.Value;
                if (tags.All(t => Equals(pointTags.GetValueOrDefault(t.Key), t.Value))) total = Math.Max(total, point.GetSumLong());
            }
        }
        return total;
    }

    private long HistogramCount(string name)
    {
        long count = 0;
        foreach (var metric in _metrics.Where(m => m.Name == name))
        {
            foreach (ref readonly var point in metric.GetMetricPoints()) count = Math.Max(count, point.GetHistogramCount());
        }
        return count;
    }

    private static async Task<Answer> FinalAsync(IAsyncEnumerable<AnswerUpdate> updates)
    {
        Answer? final = null;
        await foreach (var u in updates) final = u.Final ?? final;
        return final ?? throw new InvalidOperationException("no final update");
    }

    private sealed record Event(EventId Id, string Message, IReadOnlyDictionary<string, object?> Fields);

    private sealed class EventRecorder : ILoggerProvider, ILogger
    {
        public List<Event> Events { get; } = [];
        public ILogger CreateLogger(string categoryName) => this;
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var fields = state is IEnumerable<KeyValuePair<string, object?>> pairs ? pairs.ToDictionary(p => p.Key, p => p.Value) : new();
            lock (Events) Events.Add(new Event(eventId, formatter(state, exception), fields));
        }
        public void Dispose() { }
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "Telemetry";
}
