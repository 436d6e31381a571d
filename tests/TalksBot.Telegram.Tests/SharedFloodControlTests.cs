using System.Collections.Concurrent;
using TalksBot.Core.Conversations;
using TalksBot.Index.Postgres;
using TalksBot.Testing;

namespace TalksBot.Telegram.Tests;

/// <summary>
/// Telegram's send limits are the bot's, not an instance's: two instances' flood control on one PostgreSQL database
/// keep one overall budget between them. The store counts the times the instances give it, so a fake clock that says
/// when a wait has started drives it: nothing depends on how fast the database answers.
/// </summary>
[Collection(PostgresCollection.Name)]
public class SharedFloodControlTests(PostgresServer server)
{
    [Fact]
    public async Task Two_instances_together_send_no_more_than_the_overall_budget_a_second()
    {
        var connectionString = await server.CreateDatabaseAsync();
        await using var firstDatabase = new PostgresDatabase(connectionString);
        await using var secondDatabase = new PostgresDatabase(connectionString);
        var options = new TelegramOptions { PerChatIntervalMilliseconds = 0, GlobalPerSecond = 3 };
        var firstStore = new RecordingStore(new PostgresRateLimitStore(firstDatabase));
        var secondStore = new RecordingStore(new PostgresRateLimitStore(secondDatabase));
        var time = new TimerWatchingTimeProvider(DateTimeOffset.Parse("2026-03-01T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var first = new FloodControl(options, time, firstStore);
        var second = new FloodControl(options, time, secondStore);

        // Three sends to three chats, alternating instances: within the budget, nobody is told to wait.
        await first.WaitTurnAsync(1, default);
        await second.WaitTurnAsync(2, default);
        await first.WaitTurnAsync(3, default);
        Assert.Empty(firstStore.Refused.Concat(secondStore.Refused));

        // The fourth is the second instance's second send — alone it would be well within 3 a second — and it waits
        // until the first send is a second old.
        var fourth = second.WaitTurnAsync(4, default);
        await time.TimerCreatedAsync(TimeSpan.FromSeconds(1));
        Assert.Contains("telegram:send:all", secondStore.Refused);
        Assert.Empty(firstStore.Refused);
        time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(fourth.IsCompleted, "the fourth send went before the first was a second old");
        time.Advance(TimeSpan.FromMilliseconds(1));
        await fourth.WaitAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>The shared store, noting each key it told to wait.</summary>
    private sealed class RecordingStore(IRateLimitStore inner) : IRateLimitStore
    {
        public ConcurrentQueue<string> Refused { get; } = new();

        public async Task<TimeSpan?> TryAcquireAsync(string userKey, int limit, TimeSpan window, DateTimeOffset now, CancellationToken cancellationToken)
        {
            var wait = await inner.TryAcquireAsync(userKey, limit, window, now, cancellationToken);
            if (wait is not null) Refused.Enqueue(userKey);
            return wait;
        }
    }
}
