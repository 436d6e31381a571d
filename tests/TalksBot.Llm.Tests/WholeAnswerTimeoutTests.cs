using Microsoft.Extensions.Time.Testing;
using TalksBot.Core.Answering;
using TalksBot.Testing;

namespace TalksBot.Llm.Tests;

/// <summary>Llm:TimeoutSeconds bounds one whole answer, every attempt included, on the answer writer's clock.</summary>
public class WholeAnswerTimeoutTests
{
    [Fact]
    public async Task A_model_that_never_answers_costs_one_timeout_not_one_per_attempt()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        await using var h = await LlmHarness.StartAsync(x =>
        {
            x.Time = clock;
            x.Options.TimeoutSeconds = 30;
        });
        var arrived = new TaskCompletionSource();
        h.Fake.Chat = (_, _) =>
        {
            arrived.TrySetResult();
            return FakeReply.Slow(TimeSpan.FromMinutes(10), "too late [1]");
        };
        var started = clock.GetUtcNow();
        var pending = LlmHarness.CollectAsync(h.Answerer.AskAsync("What are Zelensky's preconditions?", [], default));
        await Task.WhenAny(arrived.Task, pending);
        Assert.True(arrived.Task.IsCompleted, "the request never reached the model");

        clock.Advance(TimeSpan.FromSeconds(30));
        // Per-attempt timeouts would now start a second attempt with 30 s of its own, which this clock never grants.
        var (answer, _) = await pending.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(clock.GetUtcNow() - started < TimeSpan.FromSeconds(45));
        Assert.Single(h.Fake.ChatRequests);
        Assert.Equal(AnswerMode.Extractive, answer.Mode);
        Assert.Contains("no complete answer within 30 s", answer.Notice);
    }

    [Fact]
    public async Task A_retry_after_a_quick_failure_gets_only_what_is_left_of_the_timeout()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        await using var h = await LlmHarness.StartAsync(x =>
        {
            x.Time = clock;
            x.Options.TimeoutSeconds = 30;
        });
        var second = new TaskCompletionSource();
        h.Fake.Chat = (_, n) =>
        {
            if (n == 1) return FakeReply.Malformed();
            second.TrySetResult();
            return FakeReply.Slow(TimeSpan.FromMinutes(10), "too late [1]");
        };
        var pending = LlmHarness.CollectAsync(h.Answerer.AskAsync("What are Zelensky's preconditions?", [], default));
        // The first attempt fails at once; 20 s pass before the retry is answered...
        await Task.WhenAny(second.Task, pending);
        Assert.True(second.Task.IsCompleted, "the retry never reached the model");
        clock.Advance(TimeSpan.FromSeconds(20));
        Assert.False(pending.IsCompleted);
        // ...and 10 more end the answer: the retry had the 10 s left, not 30 of its own.
        clock.Advance(TimeSpan.FromSeconds(10));
        var (answer, _) = await pending.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(2, h.Fake.ChatRequests.Count);
        Assert.Equal(AnswerMode.Extractive, answer.Mode);
        Assert.Contains("within 30 s", answer.Notice);
    }
}
