using System.Collections.Concurrent;
using TalksBot.Core.Indexing;

namespace TalksBot.Testing;

/// <summary>The one in-memory state store of the test kit: state kept for one test (the SQLite one is tested with the index).</summary>
public sealed class InMemoryStateStore : IStateStore
{
    private readonly ConcurrentDictionary<string, string> _values = new();

    public Task<string?> GetAsync(string key, CancellationToken cancellationToken) => Task.FromResult(_values.TryGetValue(key, out var v) ? v : null);

    public Task SetAsync(string key, string? value, CancellationToken cancellationToken)
    {
        if (value is null) _values.TryRemove(key, out _);
        else _values[key] = value;
        return Task.CompletedTask;
    }
}
