using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using TalksBot.Core.Answering;
using TalksBot.Core.Answering.Llm;
using TalksBot.Core.Articles;
using TalksBot.Core.Refresh;
using TalksBot.Core.Retrieval;
using TalksBot.Testing;

namespace TalksBot.Core.Tests;

/// <summary>
/// The model's answer as Core handles it — citations checked, one quick retry, the whole-answer timeout, the extractive
/// fallback — with a delegate-driven language model (the Semantic Kernel path, its prompts and its HTTP retry are
/// tested against the loopback fake server in Llm.Tests).
/// </summary>
public class LlmAnswerWriterTests
{
    private const string Question = "What are Zelensky's preconditions for peace talks?";
    private readonly SignallingTimeProvider _time = new();

    private static async Task<RetrievalResult> RetrieveAsync()
    {
        var index = new InMemoryArticleIndex();
        var source = new InMemorySource("mem://wire")
            .Put("a", new ArticleDocument("Zelensky restates his preconditions", "Reuters", new DateOnly(2026, 1, 19), "https://example.org/a",
                "President Volodymyr Zelensky said his preconditions for peace talks are a full withdrawal of Russian forces from the occupied territories."))
            .Put("b", new ArticleDocument("Grain corridor reopens", "BBC", new DateOnly(2026, 1, 20), "https://example.org/b",
                "The grain corridor in the Black Sea reopened on Tuesday after a pause of two weeks, port officials said."));
        await new IndexRefresher(index, new PassageSplitter(), TimeProvider.System).RefreshAsync([source], null, default);
        var retrieval = await new PassageRetriever(index, TextAnalyzer.Default, new RetrievalOptions()).RetrieveAsync(Question, default);
        Assert.True(retrieval.Covered, "the made-up articles must cover the question for these tests");
        return retrieval;
    }

    private LlmAnswerWriter Writer(FakeLanguageModel model, TimeSpan? maxRetryAfter = null, CapturingLogger<LlmAnswerWriter>? log = null) => new(
        model, new LlmSettings("m", TimeSpan.FromSeconds(30), 5, maxRetryAfter ?? TimeSpan.FromSeconds(5)),
        new ExtractiveAnswerWriter(TextAnalyzer.Default), _time, log);

    private static async Task<(List<string> Drafts, Answer Final)> WriteAsync(LlmAnswerWriter writer, RetrievalResult retrieval, CancellationToken cancellationToken = default)
    {
        var drafts = new List<string>();
        Answer? final = null;
        await foreach (var update in writer.WriteAsync(new AnswerRequest(Question, retrieval, []), cancellationToken))
        {
            if (update.Final is { } answer) final = answer;
            else drafts.Add(update.Text);
        }
        return (drafts, final ?? throw new InvalidOperationException("no final answer"));
    }

    [Fact]
    public async Task A_cited_answer_streams_and_keeps_its_checked_citations()
    {
        var retrieval = await RetrieveAsync();
        var model = new FakeLanguageModel(_ => Task.FromResult("Zelensky wants Russian forces to withdraw from the occupied territories [1]."));

        var (drafts, answer) = await WriteAsync(Writer(model), retrieval);

        Assert.Equal((AnswerMode.Llm, true), (answer.Mode, answer.Grounded));
        Assert.Equal("Zelensky wants Russian forces to withdraw from the occupied territories [1].", answer.Text);
        var citation = Assert.Single(answer.Citations);
        Assert.Equal(("Zelensky restates his preconditions", "Reuters"), (citation.Title, citation.Outlet));
        Assert.True(drafts.Count >= 2 && drafts[^1].Length > drafts[0].Length, "drafts grow while the model streams");
        // The passages reach the model fenced and numbered, the question with them.
        var values = Assert.Single(model.Answers);
        Assert.Contains("<passage n=\"1\" title=\"Zelensky restates his preconditions\"", values.Passages);
        Assert.Contains("withdrawal of Russian forces", values.Passages);
        Assert.Equal(Question, values.Question);
    }

    [Fact]
    public async Task An_invented_marker_goes_with_the_claim_it_alone_supported()
    {
        var retrieval = await RetrieveAsync();
        var model = new FakeLanguageModel(_ => Task.FromResult(
            "Zelensky wants a full withdrawal [1]. He also demanded a billion dollars [9]."));

        var (_, answer) = await WriteAsync(Writer(model), retrieval);

        Assert.Equal(AnswerMode.Llm, answer.Mode);
        Assert.Equal("Zelensky wants a full withdrawal [1].", answer.Text);
        Assert.Single(answer.Citations);
    }

    [Fact]
    public async Task An_answer_citing_nothing_gives_the_quoted_answer_with_a_notice()
    {
        var retrieval = await RetrieveAsync();
        var model = new FakeLanguageModel(_ => Task.FromResult("Zelensky wants peace on his terms."));

        var (_, answer) = await WriteAsync(Writer(model), retrieval);

        Assert.Equal(AnswerMode.Extractive, answer.Mode);
        Assert.Contains("cited no source", answer.Notice);
        Assert.Contains("withdrawal of Russian forces", answer.Text);
    }

    [Fact]
    public async Task The_model_saying_not_covered_is_a_refusal_not_a_fallback()
    {
        var retrieval = await RetrieveAsync();
        var model = new FakeLanguageModel(_ => Task.FromResult(CitationValidator.NotCoveredToken));

        var (_, answer) = await WriteAsync(Writer(model), retrieval);

        Assert.Equal((AnswerMode.Llm, false), (answer.Mode, answer.Grounded));
        Assert.Empty(answer.Citations);
        Assert.Equal(1, model.CallCount);
    }

    [Fact]
    public async Task A_failed_attempt_is_retried_once()
    {
        var retrieval = await RetrieveAsync();
        var model = new FakeLanguageModel(call => call == 1
            ? throw new LlmUnavailableException("server error 503")
            : Task.FromResult("Zelensky wants a full withdrawal [1]."));

        var (_, answer) = await WriteAsync(Writer(model), retrieval);

        Assert.Equal(2, model.CallCount);
        Assert.Equal(AnswerMode.Llm, answer.Mode);
        Assert.Null(answer.Notice);
    }

    [Theory]
    [InlineData("server error 503", "server error 503")]
    [InlineData("malformed reply", "malformed reply")]
    [InlineData("", "empty reply")]
    public async Task Two_failures_give_the_quoted_answer_naming_why(string failure, string reason)
    {
        var retrieval = await RetrieveAsync();
        var model = new FakeLanguageModel(_ => failure.Length > 0 ? throw new LlmUnavailableException(failure) : Task.FromResult("  "));

        var (_, answer) = await WriteAsync(Writer(model), retrieval);

        Assert.Equal(2, model.CallCount);
        Assert.Equal((AnswerMode.Extractive, true), (answer.Mode, answer.Grounded));
        Assert.Contains($"unavailable ({reason})", answer.Notice);
    }

    [Fact]
    public async Task A_model_failure_cycle_is_one_warning_with_an_event_id_and_its_reason()
    {
        var retrieval = await RetrieveAsync();
        var log = new CapturingLogger<LlmAnswerWriter>();
        var model = new FakeLanguageModel(call => throw new LlmUnavailableException(call == 1 ? "server error 503" : "server error 502"));

        var (_, answer) = await WriteAsync(Writer(model, log: log), retrieval);

        Assert.Equal(2, model.CallCount);
        Assert.Equal(AnswerMode.Extractive, answer.Mode);
        var warning = Assert.Single(log.Events, e => e.Level >= LogLevel.Warning);
        Assert.NotEqual(0, warning.Id.Id);
        Assert.Contains("server error 502", warning.Message);
        // The first attempt's failure is still there for troubleshooting, below the operator's default level.
        Assert.Contains(log.Events, e => e.Level == LogLevel.Debug && e.Message.Contains("server error 503"));
    }

    [Fact]
    public async Task A_failure_the_retry_recovers_from_logs_no_warning()
    {
        var retrieval = await RetrieveAsync();
        var log = new CapturingLogger<LlmAnswerWriter>();
        var model = new FakeLanguageModel(call => call == 1
            ? throw new LlmUnavailableException("server error 503")
            : Task.FromResult("Zelensky wants a full withdrawal [1]."));

        var (_, answer) = await WriteAsync(Writer(model, log: log), retrieval);

        Assert.Equal(AnswerMode.Llm, answer.Mode);
        Assert.DoesNotContain(log.Events, e => e.Level >= LogLevel.Warning);
        Assert.Single(log.Events, e => e.Level == LogLevel.Debug && e.Message.Contains("server error 503"));
    }

    [Fact]
    public async Task A_retry_the_transport_already_spent_is_not_made_again()
    {
        var retrieval = await RetrieveAsync();
        // As the model's HTTP layer does: it retries a 503 once, taking the answer's allowance, and the retry fails too.
        var model = new FakeLanguageModel((_, retries, _) => retries.TryTake()
            ? throw new LlmUnavailableException("server error 503")
            : Task.FromResult("Zelensky wants a full withdrawal [1]."));

        var (_, answer) = await WriteAsync(Writer(model), retrieval);

        Assert.Equal(1, model.CallCount);
        Assert.Equal(AnswerMode.Extractive, answer.Mode);
        Assert.Contains("unavailable (server error 503)", answer.Notice);
    }

    [Fact]
    public async Task An_unexpected_exception_is_a_model_failure_not_a_crash()
    {
        var retrieval = await RetrieveAsync();
        // The Semantic Kernel adapter translates what it knows; this guards an implementation that lets one through.
        var model = new FakeLanguageModel(_ => throw new FormatException("bad JSON in the stream"));

        var (_, answer) = await WriteAsync(Writer(model), retrieval);

        Assert.Equal(AnswerMode.Extractive, answer.Mode);
        Assert.Contains("unexpected failure (FormatException)", answer.Notice);
    }

    [Fact]
    public async Task A_short_retry_after_is_waited_out_on_the_clock_before_the_retry()
    {
        var retrieval = await RetrieveAsync();
        var model = new FakeLanguageModel(call => call == 1
            ? throw new LlmUnavailableException("rate limited (429)", TimeSpan.FromSeconds(3))
            : Task.FromResult("Zelensky wants a full withdrawal [1]."));

        var writing = WriteAsync(Writer(model), retrieval);
        await _time.TimerCreated(TimeSpan.FromSeconds(3)).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(1, model.CallCount);
        Assert.False(writing.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(3));
        var (_, answer) = await writing;

        Assert.Equal(2, model.CallCount);
        Assert.Equal(AnswerMode.Llm, answer.Mode);
    }

    [Fact]
    public async Task A_retry_after_longer_than_worth_waiting_falls_back_at_once()
    {
        var retrieval = await RetrieveAsync();
        var model = new FakeLanguageModel(_ => throw new LlmUnavailableException("rate limited (429)", TimeSpan.FromMinutes(2)));

        var (_, answer) = await WriteAsync(Writer(model, maxRetryAfter: TimeSpan.FromSeconds(5)), retrieval);

        Assert.Equal(1, model.CallCount);
        Assert.Equal(AnswerMode.Extractive, answer.Mode);
        Assert.Contains("rate limited (429)", answer.Notice);
    }

    [Fact]
    public async Task A_model_silent_past_the_timeout_gives_the_quoted_answer_without_a_retry()
    {
        var retrieval = await RetrieveAsync();
        var called = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // The adapter surfaces the answer's deadline as the cancellation of the token it was given.
        var model = new FakeLanguageModel(async (_, _, cancellationToken) =>
        {
            called.TrySetResult();
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            return "too late [1]";
        });

        var writing = WriteAsync(Writer(model), retrieval);
        await called.Task.WaitAsync(TimeSpan.FromSeconds(30));
        _time.Advance(TimeSpan.FromSeconds(30));
        var (_, answer) = await writing.WaitAsync(TimeSpan.FromSeconds(30));

        // The timeout covers the whole answer: with none of it left, the retry still allowed is not made.
        Assert.Equal(1, model.CallCount);
        Assert.Equal((AnswerMode.Extractive, true), (answer.Mode, answer.Grounded));
        Assert.Contains("unavailable (no complete answer within 30 s)", answer.Notice);
    }

    [Fact]
    public async Task A_question_its_caller_cancels_ends_in_a_cancellation_not_a_fallback()
    {
        var retrieval = await RetrieveAsync();
        var called = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var model = new FakeLanguageModel(async (_, _, cancellationToken) =>
        {
            called.TrySetResult();
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            return "too late [1]";
        });
        using var caller = new CancellationTokenSource();

        var writing = WriteAsync(Writer(model), retrieval, caller.Token);
        await called.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await caller.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => writing.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(1, model.CallCount);
    }

    /// <summary>A fake clock that says when a timer of a given due time (a Task.Delay on it) is created, so a test advances it only then.</summary>
    private sealed class SignallingTimeProvider : FakeTimeProvider
    {
        private readonly Lock _lock = new();
        private readonly List<TimeSpan> _created = [];
        private readonly List<(TimeSpan DueTime, TaskCompletionSource Signal)> _waiting = [];

        /// <summary>Completes once a timer due after <paramref name="dueTime"/> has been created (the answer's deadline is one too).</summary>
        public Task TimerCreated(TimeSpan dueTime)
        {
            lock (_lock)
            {
                if (_created.Contains(dueTime)) return Task.CompletedTask;
                var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiting.Add((dueTime, signal));
                return signal.Task;
            }
        }

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            lock (_lock)
            {
                _created.Add(dueTime);
                foreach (var waiting in _waiting.Where(w => w.DueTime == dueTime).ToList())
                {
                    waiting.Signal.TrySetResult();
                    _waiting.Remove(waiting);
                }
            }
            return timer;
        }
    }
}
