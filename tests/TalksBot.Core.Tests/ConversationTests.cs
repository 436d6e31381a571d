using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TalksBot.Core.Answering;
using TalksBot.Core.Conversations;
using TalksBot.Core.Indexing;
using TalksBot.Core.Retrieval;
using Microsoft.Extensions.Time.Testing;
using TalksBot.Testing;

namespace TalksBot.Core.Tests;

public class ConversationTests
{
    // Moves only when a test says so, and fires timers when it does: nothing here waits on real time.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 2, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Rate_limit_allows_the_configured_number_per_minute_then_says_when_to_retry()
    {
        var limiter = new UserRateLimiter(2, _time);
        Assert.True(limiter.TryAcquire("u1", out _));
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.True(limiter.TryAcquire("u1", out _));
        Assert.False(limiter.TryAcquire("u1", out var wait));
        Assert.Equal(TimeSpan.FromSeconds(50), wait);
        Assert.True(limiter.TryAcquire("u2", out _));
        _time.Advance(TimeSpan.FromSeconds(50));
        Assert.True(limiter.TryAcquire("u1", out _));
    }

    [Fact]
    public async Task A_flood_from_one_user_is_told_about_the_limit_once_per_window_and_the_rest_refused_silently()
    {
        var pipeline = Pipeline(new ThrowingIndex()); // 5 a minute; an allowed question ends in "something went wrong"
        var finals = new List<Answer>();
        for (int i = 0; i < 300; i++) finals.Add(await FinalAsync(pipeline.AskAsync(new ChatQuestion("chat", "flooder", $"Question {i}?"), default)));

        Assert.Equal(5, finals.Count(f => f.Text == ChatTexts.SomethingWentWrong));
        var told = Assert.Single(finals, f => f.IsRefusal && f.Text.Length > 0 && f.Text != ChatTexts.SomethingWentWrong);
        Assert.Equal(ChatTexts.RateLimited(5, TimeSpan.FromMinutes(1)), told.Text);
        Assert.Equal(294, finals.Count(f => f.IsRefusal && f.Text.Length == 0));
        // Someone else is not silenced by the flooder.
        Assert.Equal(ChatTexts.SomethingWentWrong, (await FinalAsync(pipeline.AskAsync(new ChatQuestion("chat", "other", "Question?"), default))).Text);

        _time.Advance(TimeSpan.FromMinutes(1));
        var next = new List<Answer>();
        for (int i = 0; i < 8; i++) next.Add(await FinalAsync(pipeline.AskAsync(new ChatQuestion("chat", "flooder", $"Again {i}?"), default)));
        Assert.Equal(5, next.Count(f => f.Text == ChatTexts.SomethingWentWrong));
        Assert.Single(next, f => f.Text == ChatTexts.RateLimited(5, TimeSpan.FromMinutes(1)));
        Assert.Equal(2, next.Count(f => f.Text.Length == 0));
    }

    [Fact]
    public async Task A_failed_question_is_logged_once_with_its_cause_and_every_event_has_an_id()
    {
        var pipelineLog = new CapturingLogger<ConversationPipeline>();
        var telemetryLog = new CapturingLogger<Diagnostics.QuestionTelemetry>();
        var retriever = new PassageRetriever(new ThrowingIndex(), TextAnalyzer.Default, new RetrievalOptions());
        var pipeline = new ConversationPipeline(new QuestionAnswerer(retriever, new ExtractiveAnswerWriter(TextAnalyzer.Default)),
            new ConversationMemory(4, TimeSpan.FromMinutes(30), _time), new UserRateLimiter(5, _time), Options.Create(new ChatOptions()),
            logger: pipelineLog, telemetry: new Diagnostics.QuestionTelemetry(logger: telemetryLog));

        var answer = await FinalAsync(pipeline.AskAsync(new ChatQuestion("chat", "u1", "What did Lavrov offer?"), default));

        Assert.Equal(ChatTexts.SomethingWentWrong, answer.Text);
        var failure = Assert.Single(pipelineLog.Events, e => e.Level >= LogLevel.Warning);
        Assert.Equal((LogLevel.Error, 1003), (failure.Level, failure.Id.Id));
        Assert.IsType<IndexUnavailableException>(failure.Exception);
        Assert.Equal(1002, Assert.Single(telemetryLog.Events).Id.Id); // the per-question event says "failed", without the cause again
        Assert.All(pipelineLog.Events.Concat(telemetryLog.Events), e => Assert.NotEqual(0, e.Id.Id));
    }

    [Fact]
    public void Memory_keeps_the_last_turns_per_conversation_and_forgets_old_ones()
    {
        var memory = new ConversationMemory(2, TimeSpan.FromMinutes(30), _time);
        memory.Remember("c1", "q1", "a1");
        memory.Remember("c1", "q2", "a2");
        memory.Remember("c1", "q3", "a3");
        memory.Remember("c2", "other", "x");
        Assert.Equal(["q2", "q3"], memory.Recent("c1").Select(t => t.Question));
        Assert.Single(memory.Recent("c2"));
        _time.Advance(TimeSpan.FromMinutes(31));
        Assert.Empty(memory.Recent("c1"));
    }

    [Fact]
    public async Task Too_long_questions_are_refused_with_the_limit()
    {
        var pipeline = Pipeline(new ThrowingIndex());
        var final = await FinalAsync(pipeline.AskAsync(new ChatQuestion("c", "u", new string('x', 1001)), default));
        Assert.True(final.IsRefusal);
        Assert.Contains("1,000", final.Text);
    }

    [Fact]
    public async Task Sixth_question_in_a_minute_is_refused_politely()
    {
        var pipeline = Pipeline(new ThrowingIndex());
        for (int i = 0; i < 5; i++) await FinalAsync(pipeline.AskAsync(new ChatQuestion("c", "u", "What did Lavrov offer?"), default));
        var sixth = await FinalAsync(pipeline.AskAsync(new ChatQuestion("c", "u", "What did Lavrov offer?"), default));
        Assert.True(sixth.IsRefusal);
        Assert.Contains("5 questions a minute", sixth.Text);
    }

    [Fact]
    public async Task A_failing_index_becomes_a_friendly_message_not_an_exception()
    {
        var pipeline = Pipeline(new ThrowingIndex());
        var final = await FinalAsync(pipeline.AskAsync(new ChatQuestion("c", "u", "What did Lavrov offer?"), default));
        Assert.Equal(ChatTexts.SomethingWentWrong, final.Text);
        Assert.DoesNotContain("Exception", final.Text);
    }

    [Fact]
    public async Task Throttle_passes_at_most_one_partial_per_interval_and_always_the_final()
    {
        var updates = Updates();
        var seen = new List<string>();
        await foreach (var u in UpdateThrottle.ThrottleAsync(updates, TimeSpan.FromSeconds(1.5), _time)) seen.Add(u.Text);
        Assert.Equal(["a", "abcd", "final"], seen);

        async IAsyncEnumerable<AnswerUpdate> Updates()
        {
            yield return new AnswerUpdate("a", null);
            _time.Advance(TimeSpan.FromSeconds(0.5));
            yield return new AnswerUpdate("ab", null);
            _time.Advance(TimeSpan.FromSeconds(0.5));
            yield return new AnswerUpdate("abc", null);
            _time.Advance(TimeSpan.FromSeconds(0.6));
            yield return new AnswerUpdate("abcd", null);
            yield return new AnswerUpdate("abcde", null);
            await Task.Yield();
            yield return AnswerUpdate.Finished(new Answer("final", AnswerMode.Extractive, true, []));
        }
    }

    [Fact]
    public async Task A_typing_indicator_can_be_stopped_early_and_again_at_the_end_of_its_scope()
    {
        int sent = 0;
        var typing = TypingIndicator.Start(_ => { Interlocked.Increment(ref sent); return Task.CompletedTask; }, TimeSpan.FromHours(1), _time, default);
        await typing.DisposeAsync();
        await typing.DisposeAsync(); // must not throw
        Assert.Equal(1, sent);
    }

    [Fact]
    public async Task Stopping_the_typing_indicator_waits_for_an_action_already_on_its_way_so_it_never_lands_after_the_answer()
    {
        var onItsWay = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        CancellationToken sendToken = default;
        var typing = TypingIndicator.Start(ct => { sendToken = ct; return onItsWay.Task; }, TimeSpan.FromHours(1), _time, default);
        var stopping = typing.DisposeAsync().AsTask();
        await Task.Yield();
        Assert.False(stopping.IsCompleted);
        Assert.False(sendToken.IsCancellationRequested);
        onItsWay.SetResult();
        await stopping.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_typing_action_that_hangs_is_abandoned_after_the_grace_period()
    {
        CancellationToken sendToken = default;
        var typing = TypingIndicator.Start(ct => { sendToken = ct; return Task.Delay(Timeout.Infinite, ct); }, TimeSpan.FromHours(1), _time, default);
        var stopping = typing.DisposeAsync().AsTask();
        await Task.Yield();
        Assert.False(stopping.IsCompleted);
        _time.Advance(TypingIndicator.Grace);
        await stopping.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(sendToken.IsCancellationRequested);
    }

    [Fact]
    public void Chat_source_lists_name_local_folders_without_their_server_paths()
    {
        var sources = new[] { new SourceRecord("/srv/secret/articles", "config", 3, null, null, new SourceError(DateTimeOffset.UnixEpoch, "/srv/secret/articles/a.txt", "can't be read: /srv/secret/articles/a.txt")) };
        var chat = ChatTexts.Sources(sources, forChat: true);
        Assert.Contains("local folder “articles”", chat);
        Assert.DoesNotContain("/srv/secret", chat);
        Assert.Contains("/srv/secret/articles", ChatTexts.Sources(sources));
    }

    private ConversationPipeline Pipeline(IPassageSearch index)
    {
        var retriever = new PassageRetriever(index, TextAnalyzer.Default, new RetrievalOptions());
        var answerer = new QuestionAnswerer(retriever, new ExtractiveAnswerWriter(TextAnalyzer.Default));
        return new ConversationPipeline(answerer, new ConversationMemory(4, TimeSpan.FromMinutes(30), _time), new UserRateLimiter(5, _time),
            Options.Create(new ChatOptions()));
    }

    private static async Task<Answer> FinalAsync(IAsyncEnumerable<AnswerUpdate> updates)
    {
        Answer? final = null;
        await foreach (var u in updates) final = u.Final ?? final;
        return final ?? throw new InvalidOperationException("no final update");
    }

    private sealed class ThrowingIndex : IPassageSearch
    {
        public Task<IReadOnlyList<PassageHit>> SearchAsync(IReadOnlyList<string> terms, int limit, bool requireAll, CancellationToken cancellationToken) =>
            throw new IndexUnavailableException("disk on fire");
        public Task<TermStatistics> GetTermStatisticsAsync(IReadOnlyList<string> terms, CancellationToken cancellationToken) => throw new IndexUnavailableException("disk on fire");
        public Task<IReadOnlyList<PassageHit>> SearchByVectorAsync(ReadOnlyMemory<float> vector, string model, int limit, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<IReadOnlyDictionary<string, long>> GetVocabularyAsync(CancellationToken cancellationToken) => throw new IndexUnavailableException("disk on fire");
        public Task<IReadOnlyList<PassageHit>> GetAdjacentPassagesAsync(IReadOnlyList<long> passageIds, CancellationToken cancellationToken) => throw new IndexUnavailableException("disk on fire");
    }
}
