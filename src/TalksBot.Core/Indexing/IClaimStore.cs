namespace TalksBot.Core.Indexing;

/// <summary>
/// Claims on work that several instances may each be handed (a Telegram update redelivered to another instance): the
/// first claim wins and the others skip the work. A claim not completed within its lease (the claimant died on it) can
/// be taken again, so work is lost to no crash. Registered only where instances share a store (PostgreSQL).
/// </summary>
public interface IClaimStore
{
    /// <returns>True when this caller now holds the claim; false when another holds it or has completed it.</returns>
    Task<bool> TryClaimAsync(string key, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>The work is done: the claim is never given out again.</summary>
    Task CompleteAsync(string key, CancellationToken cancellationToken);
}
