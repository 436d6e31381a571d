namespace TalksBot.Core.Answering.Llm;

/// <summary>
/// The retries one answer may still make, shared by every layer that retries (the model's HTTP pipeline and the
/// answer writer), so a failure is retried once in all rather than once per layer.
/// </summary>
public sealed class RetryAllowance(int retries)
{
    private int _left = retries;

    public int Left => Math.Max(0, Volatile.Read(ref _left));

    /// <summary>Takes one retry; false when none is left.</summary>
    public bool TryTake()
    {
        while (true)
        {
            int left = Volatile.Read(ref _left);
            if (left <= 0) return false;
            if (Interlocked.CompareExchange(ref _left, left - 1, left) == left) return true;
        }
    }
}
