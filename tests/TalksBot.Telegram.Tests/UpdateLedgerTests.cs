using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TalksBot.Core.Indexing;
using TalksBot.Testing;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace TalksBot.Telegram.Tests;

public class UpdateLedgerTests
{
    private static Update U(int id, long chat = 5) => new()
    {
        Id = id,
        Message = new Message { Id = id * 10, Chat = new Chat { Id = chat, Type = ChatType.Private }, Text = "question " + id, From = new User { Id = 7, FirstName = "A" } },
    };

    [Fact]
    public async Task A_polled_batch_is_received_through_its_last_id_and_survives_a_restart_until_answered()
    {
        var store = new DictionaryStateStore();
        var ledger = new UpdateLedger(store, NullLogger<UpdateLedger>.Instance);
        var fresh = await ledger.AcceptAsync([U(11), U(12), U(13)], throughLast: true, default);
        Assert.Equal([11, 12, 13], fresh.Select(u => u.Id));
        Assert.Equal(14, await ledger.NextOffsetAsync(default));
        Assert.Empty(await ledger.AcceptAsync([U(12)], throughLast: true, default)); // offered again: already in hand
        await ledger.CompleteAsync(12, default);

        var restarted = new UpdateLedger(store, NullLogger<UpdateLedger>.Instance);
        Assert.Equal(14, await restarted.NextOffsetAsync(default));
        var inbox = await restarted.InboxAsync(default);
        Assert.Equal([11, 13], inbox.Select(u => u.Id));
        Assert.Equal("question 13", inbox[1].Message!.Text); // stored whole, so it can be answered
        Assert.Equal(5, inbox[1].Message!.Chat.Id);
        Assert.Equal(UpdateType.Message, inbox[1].Type);
        Assert.Equal(ChatType.Private, inbox[1].Message!.Chat.Type);
    }

    [Fact]
    public async Task Webhook_deliveries_out_of_order_are_each_accepted_once_and_never_again_once_answered()
    {
        var ledger = new UpdateLedger(new DictionaryStateStore(), NullLogger<UpdateLedger>.Instance);
        Assert.Single(await ledger.AcceptAsync([U(30)], throughLast: false, default));
        Assert.Single(await ledger.AcceptAsync([U(28)], throughLast: false, default));
        Assert.Equal(0, await ledger.NextOffsetAsync(default)); // webhooks never move the offset
        await ledger.CompleteAsync(28, default);
        Assert.Empty(await ledger.AcceptAsync([U(28)], throughLast: false, default));
        Assert.Empty(await ledger.AcceptAsync([U(30)], throughLast: false, default));
        Assert.Equal(1, ledger.InboxCount);
    }

    [Fact]
    public async Task When_storing_fails_nothing_counts_as_received_so_telegram_offers_it_again()
    {
        var store = new DictionaryStateStore();
        var ledger = new UpdateLedger(store, NullLogger<UpdateLedger>.Instance);
        store.FailWrites = true;
        await Assert.ThrowsAsync<IOException>(() => ledger.AcceptAsync([U(40), U(41)], throughLast: true, default));
        Assert.Equal(0, await ledger.NextOffsetAsync(default));
        Assert.Equal(0, ledger.InboxCount);

        store.FailWrites = false;
        Assert.Equal(2, (await ledger.AcceptAsync([U(40), U(41)], throughLast: true, default)).Count);
        Assert.Equal(42, await ledger.NextOffsetAsync(default));
    }

    [Fact]
    public async Task An_unreadable_record_is_reported_and_the_bot_starts_afresh_instead_of_failing_every_start()
    {
        var store = new DictionaryStateStore();
        await store.SetAsync("telegram:handled_updates", "{\"Watermark\": 17, \"Done\": [", default);
        var logs = new LogRecorder();
        using var factory = LoggerFactory.Create(b => b.AddProvider(new RecordingLoggerProvider(logs)));
        var ledger = new UpdateLedger(store, factory.CreateLogger<UpdateLedger>());

        Assert.Equal(0, await ledger.NextOffsetAsync(default));
        Assert.Single(logs, l => l.StartsWith("Warning") && l.Contains("unreadable") && l.Contains("telegram:handled_updates"));
        Assert.Single(await ledger.AcceptAsync([U(18)], throughLast: true, default));
        Assert.Equal(19, await new UpdateLedger(store, NullLogger<UpdateLedger>.Instance).NextOffsetAsync(default)); // written whole again
    }

    private sealed class DictionaryStateStore : IStateStore
    {
        private readonly Dictionary<string, string?> _values = [];
        public bool FailWrites { get; set; }

        public Task<string?> GetAsync(string key, CancellationToken cancellationToken) => Task.FromResult(_values.GetValueOrDefault(key));

        public Task SetAsync(string key, string? value, CancellationToken cancellationToken)
        {
            if (FailWrites) throw new IOException("disk full");
            _values[key] = value;
            return Task.CompletedTask;
        }
    }
}
