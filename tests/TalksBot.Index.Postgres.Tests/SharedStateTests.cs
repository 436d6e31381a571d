using Microsoft.Extensions.Time.Testing;
using TalksBot.Core.Answering;
using TalksBot.Core.Conversations;
using TalksBot.Core.Feedback;
using TalksBot.Testing;

namespace TalksBot.Index.Postgres.Tests;

/// <summary>The bot's state in PostgreSQL, as two instances on one database see it.</summary>
[Collection(PostgresCollection.Name)]
public class SharedStateTests(PostgresServer server) : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 2, 10, 12, 0, 0, TimeSpan.Zero));
    private PostgresDatabase _first = null!;
    private PostgresDatabase _second = null!;

    public async Task InitializeAsync()
    {
        var connectionString = await server.CreateDatabaseAsync();
        _first = new PostgresDatabase(connectionString);
        _second = new PostgresDatabase(connectionString);
    }

    public async Task DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
    }

    [Fact]
    public async Task State_written_by_one_instance_is_read_by_the_other_and_can_be_cleared()
    {
        var a = new PostgresStateStore(_first);
        var b = new PostgresStateStore(_second);
        Assert.Null(await b.GetAsync("etag:https://example.org/feed", default));
        await a.SetAsync("etag:https://example.org/feed", "\"v1\"", default);
        await a.SetAsync("etag:https://example.org/feed", "\"v2\"", default);
        Assert.Equal("\"v2\"", await b.GetAsync("etag:https://example.org/feed", default));
        await b.SetAsync("etag:https://example.org/feed", null, default);
        Assert.Null(await a.GetAsync("etag:https://example.org/feed", default));
    }

    [Fact]
    public async Task A_claim_is_won_once_kept_when_completed_and_retaken_only_after_its_lease()
    {
        var a = new PostgresClaimStore(_first, _time);
        var b = new PostgresClaimStore(_second, _time);
        var lease = TimeSpan.FromMinutes(5);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => (i % 2 == 0 ? a : b).TryClaimAsync("telegram:update:41", lease, default)));
        Assert.Single(results, won => won);

        // The claimant died on it: after the lease another instance takes it over.
        _time.Advance(TimeSpan.FromMinutes(6));
        Assert.True(await b.TryClaimAsync("telegram:update:41", lease, default));
        await b.CompleteAsync("telegram:update:41", default);
        _time.Advance(TimeSpan.FromHours(1));
        Assert.False(await a.TryClaimAsync("telegram:update:41", lease, default));
        Assert.True(await a.TryClaimAsync("telegram:update:42", lease, default));
    }

    [Fact]
    public async Task The_rate_limit_holds_across_instances_asking_at_once()
    {
        var a = new UserRateLimiter(5, _time, new PostgresRateLimitStore(_first));
        var b = new UserRateLimiter(5, _time, new PostgresRateLimitStore(_second));

        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => (i % 2 == 0 ? a : b).TryAcquireAsync("telegram:7", default)));
        Assert.Equal(5, results.Count(r => r.Acquired));
        var refused = results.First(r => !r.Acquired);
        Assert.Equal(TimeSpan.FromMinutes(1), refused.RetryAfter);
        Assert.True((await a.TryAcquireAsync("telegram:8", default)).Acquired);

        _time.Advance(TimeSpan.FromSeconds(61));
        Assert.True((await b.TryAcquireAsync("telegram:7", default)).Acquired);
    }

    [Fact]
    public async Task Counting_over_a_one_second_window_sweeps_nothing_a_one_minute_window_still_counts()
    {
        var questions = new PostgresRateLimitStore(_first);
        var now = _time.GetUtcNow();
        Assert.Null(await questions.TryAcquireAsync("telegram:7", 1, TimeSpan.FromMinutes(1), now, default));

        // Another instance's first count (which sweeps old rows) is of Telegram sends, a second apart.
        var sends = new PostgresRateLimitStore(_second);
        Assert.Null(await sends.TryAcquireAsync("telegram:send:all", 30, TimeSpan.FromSeconds(1), now.AddSeconds(5), default));

        Assert.Equal(TimeSpan.FromSeconds(50), await questions.TryAcquireAsync("telegram:7", 1, TimeSpan.FromMinutes(1), now.AddSeconds(10), default));
    }

    [Fact]
    public async Task A_follow_up_on_another_instance_has_the_conversation_before_it()
    {
        var a = new ConversationMemory(2, TimeSpan.FromMinutes(30), _time, store: new PostgresConversationStore(_first));
        var b = new ConversationMemory(2, TimeSpan.FromMinutes(30), _time, store: new PostgresConversationStore(_second));
        await a.RememberAsync("telegram:chat:1", "q1", "a1", default);
        _time.Advance(TimeSpan.FromSeconds(1));
        await b.RememberAsync("telegram:chat:1", "q2", "a2", default);
        _time.Advance(TimeSpan.FromSeconds(1));
        await a.RememberAsync("telegram:chat:1", "q3", "a3", default);
        await a.RememberAsync("telegram:chat:2", "other", "x", default);

        Assert.Equal(["q2", "q3"], (await b.RecentAsync("telegram:chat:1", default)).Select(t => t.Question));
        _time.Advance(TimeSpan.FromMinutes(31));
        Assert.Empty(await b.RecentAsync("telegram:chat:1", default));
    }

    [Fact]
    public Task A_reply_to_an_answer_another_instance_sent_finds_its_exchange() =>
        AnsweredMessageStoreContract.A_reply_after_a_restart_or_on_another_instance_finds_the_exchange(
            new PostgresAnsweredMessageStore(_first), new PostgresAnsweredMessageStore(_second));

    [Fact]
    public async Task Votes_count_whichever_instance_gave_the_answer_and_one_vote_per_user_is_kept()
    {
        var a = new PostgresFeedbackStore(_first);
        var b = new PostgresFeedbackStore(_second);
        var citation = new Citation(1, "Title", "Reuters", "https://example.org/a", new DateOnly(2026, 1, 20), "quote", "doc.md", 7);
        await a.RememberAnswerAsync(new AnswerRecord("ans-1", "telegram:chat:1", "What did Lavrov offer?", AnswerMode.Extractive, true, [citation], _time.GetUtcNow()), default);

        Assert.Equal(VoteOutcome.Recorded, await b.VoteAsync("ans-1", "telegram:9", Vote.Up, _time.GetUtcNow(), default));
        Assert.Equal(VoteOutcome.Unchanged, await a.VoteAsync("ans-1", "telegram:9", Vote.Up, _time.GetUtcNow(), default));
        Assert.Equal(VoteOutcome.Changed, await a.VoteAsync("ans-1", "telegram:9", Vote.Down, _time.GetUtcNow(), default));
        Assert.Equal(VoteOutcome.Recorded, await b.VoteAsync("ans-1", "discord:3", Vote.Up, _time.GetUtcNow(), default));
        Assert.Equal(VoteOutcome.UnknownAnswer, await b.VoteAsync("no-such-answer", "discord:3", Vote.Up, _time.GetUtcNow(), default));

        var summary = await b.SummarizeAsync(5, default);
        Assert.Equal((1, 1), (summary.Up, summary.Down));
        var down = Assert.Single(summary.LatestDown);
        Assert.Equal(("What did Lavrov offer?", AnswerMode.Extractive, true, 1), (down.Question, down.Mode, down.Grounded, down.Citations));
    }
}
