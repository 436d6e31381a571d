using Microsoft.Extensions.Time.Testing;

namespace TalksBot.Telegram.Tests;

/// <summary>Telegram's send limits on a fake clock: 20 a minute per group, 30 a second overall, a gap per chat, retry_after.</summary>
public class FloodControlTests
{
    private static readonly DateTimeOffset Start = DateTimeOffset.Parse("2026-03-01T12:00:00Z");

    private static void Advance(FakeTimeProvider time, TimeSpan by, TimeSpan step)
    {
        for (var moved = TimeSpan.Zero; moved < by; moved += step) time.Advance(step);
    }

    [Fact]
    public async Task A_group_gets_twenty_sends_in_any_sixty_seconds_and_other_groups_their_own()
    {
        var time = new FakeTimeProvider(Start);
        var flood = new FloodControl(new TelegramOptions { PerChatIntervalMilliseconds = 0, PerGroupPerMinute = 20, GlobalPerSecond = 1000 }, time);
        for (int i = 0; i < 20; i++) Assert.True(flood.WaitTurnAsync(-100, default).IsCompletedSuccessfully, $"send {i + 1}");
        var twentyFirst = flood.WaitTurnAsync(-100, default);
        Assert.False(twentyFirst.IsCompleted);
        await flood.WaitTurnAsync(-200, default).WaitAsync(TimeSpan.FromSeconds(5)); // another group has its own minute

        Advance(time, TimeSpan.FromSeconds(59), TimeSpan.FromSeconds(1));
        Assert.False(twentyFirst.IsCompleted); // any 60 s hold at most 20 sends, not just each calendar minute
        Advance(time, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        await twentyFirst.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task All_chats_together_get_thirty_sends_a_second()
    {
        var time = new FakeTimeProvider(Start);
        var flood = new FloodControl(new TelegramOptions { PerChatIntervalMilliseconds = 0, GlobalPerSecond = 30 }, time);
        for (int i = 0; i < 30; i++) Assert.True(flood.WaitTurnAsync(1000 + i, default).IsCompletedSuccessfully, $"send {i + 1}");
        var next = flood.WaitTurnAsync(2000, default);
        Advance(time, TimeSpan.FromMilliseconds(900), TimeSpan.FromMilliseconds(100));
        Assert.False(next.IsCompleted);
        Advance(time, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(100));
        await next.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task One_chat_waits_its_interval_and_a_retry_after_moves_its_next_turn()
    {
        var time = new FakeTimeProvider(Start);
        var flood = new FloodControl(new TelegramOptions { PerChatIntervalMilliseconds = 1000 }, time);
        await flood.WaitTurnAsync(7, default);
        var second = flood.WaitTurnAsync(7, default);
        Assert.True(flood.WaitTurnAsync(8, default).IsCompletedSuccessfully); // another chat is not held up
        time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        await second.WaitAsync(TimeSpan.FromSeconds(5));

        flood.Defer(7, TimeSpan.FromSeconds(30));
        var afterRetryAfter = flood.WaitTurnAsync(7, default);
        time.Advance(TimeSpan.FromSeconds(29));
        Assert.False(afterRetryAfter.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        await afterRetryAfter.WaitAsync(TimeSpan.FromSeconds(5));
    }
}
