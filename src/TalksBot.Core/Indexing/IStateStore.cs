namespace TalksBot.Core.Indexing;

/// <summary>
/// Small durable key/value state beside the index: the Telegram update offset, HTTP validators (ETag) per URL.
/// Survives restarts so nothing is answered twice or fetched needlessly.
/// </summary>
public interface IStateStore
{
    Task<string?> GetAsync(string key, CancellationToken cancellationToken);

    Task SetAsync(string key, string? value, CancellationToken cancellationToken);
}
