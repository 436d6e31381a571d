using System.Text.Json;
using Microsoft.Extensions.Logging;
using TalksBot.Core.Indexing;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace TalksBot.Telegram;

/// <summary>
/// What became of each update, kept in the state store so a restart neither loses nor repeats an answer: the updates
/// received but not yet answered (the inbox, stored whole so a restart can run them), and which were answered.
/// </summary>
/// <remarks>
/// Because an update is durable once it is in the inbox, long polling confirms it to Telegram (the next offset) at
/// once and goes on receiving while earlier answers are still being written, and a webhook answers 200 only then.
/// With several instances on one shared store (an <see cref="IClaimStore"/> is registered), an update enters an
/// instance's inbox only if that instance claims it first: a redelivery to another instance is answered once. Each
/// instance then keeps its inbox under its own name (Telegram:InstanceName).
/// </remarks>
public sealed class UpdateLedger(IStateStore state, ILogger<UpdateLedger> logger, IClaimStore? claims = null, TelegramOptions? options = null)
{
    // An instance that claimed an update and died before answering it holds it this long; then another may take it.
    private static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(5);
    private readonly string _key = claims is null
        ? "telegram:handled_updates"
        : "telegram:handled_updates:" + (string.IsNullOrWhiteSpace(options?.InstanceName) ? Environment.MachineName : options.InstanceName.Trim());
    private const int DoneKept = 5000;
    private readonly SemaphoreSlim _lock = new(1, 1);
    // Every update up to the watermark was received: it is answered, or in the inbox.
    private long _watermark = -1;
    // Answered above the watermark: webhook deliveries never move it and may come out of order.
    private HashSet<long> _done = [];
    private SortedDictionary<long, string> _inbox = [];
    private readonly object _inboxLock = new();
    private bool _loaded;

    private sealed record Snapshot(long Watermark, long[]? Done, Dictionary<long, string>? Inbox);

    /// <summary>Updates received and not yet answered.</summary>
    public int InboxCount
    {
        get { lock (_inboxLock) return _inbox.Count; }
    }

    /// <summary>The offset to ask getUpdates for: everything below it has been received.</summary>
    public async Task<long> NextOffsetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return _watermark + 1;
    }

    /// <summary>
    /// Puts the updates not seen before in the inbox and returns them. With <paramref name="throughLast"/> (long polling)
    /// everything up to the batch's last id counts as received from now on.
    /// </summary>
    public async Task<IReadOnlyList<Update>> AcceptAsync(IReadOnlyList<Update> updates, bool throughLast, CancellationToken ct)
    {
        await LoadAsync(ct);
        await _lock.WaitAsync(ct);
        try
        {
            var fresh = new List<Update>();
            var added = new Dictionary<long, string>();
            lock (_inboxLock)
            {
                foreach (var update in updates.OrderBy(u => u.Id))
                {
                    long id = update.Id;
                    if (id <= _watermark || _done.Contains(id) || _inbox.ContainsKey(id) || added.ContainsKey(id)) continue;
                    added[id] = JsonSerializer.Serialize(update, JsonBotAPI.Options);
                    fresh.Add(update);
                }
            }
            if (claims is not null)
            {
                // Another instance took it (a redelivery went to both): it answers, this one lets it go.
                foreach (var update in fresh.ToList())
                {
                    if (await claims.TryClaimAsync(ClaimKey(update.Id), ClaimLease, ct)) continue;
                    fresh.Remove(update);
                    added.Remove(update.Id);
                }
            }
            long last = updates.Count == 0 ? _watermark : updates.Max(u => (long)u.Id);
            long watermark = throughLast ? Math.Max(_watermark, last) : _watermark;
            if (added.Count == 0 && watermark == _watermark) return fresh;

            // Stored first, applied after: if storing fails, nothing counts as received and Telegram offers it again.
            Dictionary<long, string> inbox;
            lock (_inboxLock) inbox = new(_inbox);
            foreach (var (id, json) in added) inbox[id] = json;
            var done = _done.Where(id => id > watermark).ToArray();
            await SaveAsync(new Snapshot(watermark, done, inbox), ct);
            lock (_inboxLock)
                foreach (var (id, json) in added) _inbox[id] = json;
            _watermark = watermark;
            _done = [.. done];
            return fresh;
        }
        finally { _lock.Release(); }
    }

    /// <summary>The inbox, oldest first: what a restart must still answer.</summary>
    public async Task<IReadOnlyList<Update>> InboxAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        lock (_inboxLock)
            return [.. _inbox.Values.Select(json => JsonSerializer.Deserialize<Update>(json, JsonBotAPI.Options)!)];
    }

    /// <summary>Whether the update still waits to be answered (false once answered, or when it never came in).</summary>
    public bool IsWaiting(long updateId)
    {
        lock (_inboxLock) return _inbox.ContainsKey(updateId);
    }

    /// <summary>The update was answered: out of the inbox, and never run again.</summary>
    public async Task CompleteAsync(long updateId, CancellationToken ct)
    {
        await LoadAsync(ct);
        await _lock.WaitAsync(ct);
        try
        {
            Dictionary<long, string> inbox;
            lock (_inboxLock)
            {
                _inbox.Remove(updateId);
                inbox = new(_inbox);
            }
            if (updateId > _watermark && _done.Add(updateId) && _done.Count > DoneKept)
            {
                // Telegram re-sends only recent updates: older answered ids can fold into the watermark.
                _watermark = Math.Max(_watermark, _done.Max() - DoneKept);
                _done.RemoveWhere(id => id <= _watermark);
            }
            await SaveAsync(new Snapshot(_watermark, [.. _done], inbox), ct);
            if (claims is not null) await claims.CompleteAsync(ClaimKey(updateId), ct);
        }
        finally { _lock.Release(); }
    }

    private static string ClaimKey(long updateId) => "telegram:update:" + updateId;

    private async Task LoadAsync(CancellationToken ct)
    {
        if (_loaded) return;
        await _lock.WaitAsync(ct);
        try
        {
            if (_loaded) return;
            var json = await state.GetAsync(_key, ct);
            try
            {
                if (json is not null && JsonSerializer.Deserialize<Snapshot>(json) is { } s)
                {
                    _watermark = s.Watermark;
                    _done = [.. s.Done ?? []];
                    lock (_inboxLock) _inbox = new(s.Inbox ?? []);
                }
            }
            catch (JsonException ex)
            {
                // Refusing to start would silence the bot for good; starting afresh costs at most a repeated answer.
                logger.LogLedgerUnreadable(_key, ex.Message);
            }
            _loaded = true;
        }
        finally { _lock.Release(); }
    }

    private Task SaveAsync(Snapshot snapshot, CancellationToken ct) => state.SetAsync(_key, JsonSerializer.Serialize(snapshot), ct);
}
