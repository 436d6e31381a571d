using System.Collections.Concurrent;

namespace TalksBot.Core.Health;

/// <summary>
/// Where platform adapters report their connection state and where the host reads it (health checks, stopping the
/// process when a platform stopped for good). Adapters only write their own name; they never see each other.
/// </summary>
public sealed class PlatformStatusBoard(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, PlatformStatus> _statuses = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Raised after every change of state (not on a repeated report of the same state).</summary>
    public event Action<PlatformStatus>? Changed;

    public void Report(string platform, PlatformState state, string? reason = null)
    {
        var next = new PlatformStatus(platform, state, reason, time.GetUtcNow());
        bool changed = true;
        _statuses.AddOrUpdate(platform, next, (_, previous) =>
        {
            changed = previous.State != state;
            // Stopped is final: a late report from a loop that is winding down must not revive it.
            if (previous.State == PlatformState.Stopped) { changed = false; return previous; }
            return changed ? next : previous with { Reason = reason ?? previous.Reason };
        });
        if (changed) Changed?.Invoke(next);
    }

    public PlatformStatus? Get(string platform) => _statuses.TryGetValue(platform, out var s) ? s : null;

    public IReadOnlyList<PlatformStatus> All => _statuses.Values.OrderBy(s => s.Platform, StringComparer.Ordinal).ToList();
}
