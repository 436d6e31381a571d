using System.Text.Json;
using TalksBot.Core.Indexing;

namespace TalksBot.Telegram;

/// <summary>
/// Which updates have been answered, kept in the state store so a restart neither loses nor repeats an answer:
/// a watermark (every update up to it is done) plus the ids done above it in the batch still being worked on.
/// </summary>
public sealed class HandledUpdates(IStateStore state)
{
    private const string Key = "telegram:handled_updates";
    private readonly SemaphoreSlim _lock = new(1, 1);
    private long _watermark = -1;
    private HashSet<long> _done = [];
    private bool _loaded;

    private sealed record Snapshot(long Watermark, long[] Done);

    /// <summary>The offset to ask getUpdates for: everything below it has been handled.</summary>
    public async Task<long> NextOffsetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return _watermark + 1;
    }

    public async Task<bool> IsHandledAsync(long updateId, CancellationToken ct)
    {
        await LoadAsync(ct);
        await _lock.WaitAsync(ct);
        try { return updateId <= _watermark || _done.Contains(updateId); }
        finally { _lock.Release(); }
    }

    /// <summary>Records one update as answered; returns false when it already was (a duplicate delivery).</summary>
    public async Task<bool> MarkAsync(long updateId, CancellationToken ct)
    {
        await LoadAsync(ct);
        await _lock.WaitAsync(ct);
        try
        {
            if (updateId <= _watermark || !_done.Add(updateId)) return false;
            // Webhook mode never confirms batches: keep the set bounded (Telegram re-sends only recent updates).
            if (_done.Count > 5000)
            {
                _watermark = _done.Max() - 5000;
                _done.RemoveWhere(id => id <= _watermark);
            }
            await SaveAsync(ct);
            return true;
        }
        finally { _lock.Release(); }
    }

    /// <summary>After a whole batch is done: everything up to its last id is confirmed.</summary>
    public async Task ConfirmThroughAsync(long updateId, CancellationToken ct)
    {
        await LoadAsync(ct);
        await _lock.WaitAsync(ct);
        try
        {
            if (updateId <= _watermark) return;
            _watermark = updateId;
            _done.RemoveWhere(id => id <= updateId);
            await SaveAsync(ct);
        }
        finally { _lock.Release(); }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        if (_loaded) return;
        await _lock.WaitAsync(ct);
        try
        {
            if (_loaded) return;
            var json = await state.GetAsync(Key, ct);
            if (json is not null && JsonSerializer.Deserialize<Snapshot>(json) is { } s)
            {
                _watermark = s.Watermark;
                _done = [.. s.Done];
            }
            _loaded = true;
        }
        finally { _lock.Release(); }
    }

    private Task SaveAsync(CancellationToken ct) =>
        state.SetAsync(Key, JsonSerializer.Serialize(new Snapshot(_watermark, [.. _done])), ct);
}
