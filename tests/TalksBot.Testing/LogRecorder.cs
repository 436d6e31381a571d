using System.Collections;

namespace TalksBot.Testing;

/// <summary>
/// The log lines a host wrote, safe to read while the host is still writing: enumerating gives a snapshot, and
/// <see cref="WaitForAsync"/> waits for a line as it is written rather than polling on a timer.
/// </summary>
public sealed class LogRecorder : IEnumerable<string>
{
    private readonly List<string> _lines = [];
    private readonly List<(Func<string, bool> Match, TaskCompletionSource Seen)> _waiters = [];

    public void Add(string line)
    {
        lock (_lines)
        {
            _lines.Add(line);
            foreach (var waiter in _waiters.Where(w => w.Match(line)).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Seen.TrySetResult();
            }
        }
    }

    /// <summary>Completes when a line matching <paramref name="match"/> has been written; fails with the lines so far after the timeout.</summary>
    public async Task WaitForAsync(Func<string, bool> match, TimeSpan? timeout = null)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lines)
        {
            if (_lines.Any(match)) return;
            _waiters.Add((match, seen));
        }
        try
        {
            await seen.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(15));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException("No matching log line was written. Lines so far:\n" + string.Join("\n", this));
        }
    }

    public IEnumerator<string> GetEnumerator()
    {
        lock (_lines) return _lines.ToList().GetEnumerator();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
