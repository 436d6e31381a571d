using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TalksBot.Core.Chat;
using TalksBot.Core.Conversations;
using TalksBot.Core.Indexing;
using TalksBot.Core.Refresh;
using TalksBot.Core.Sources;

namespace TalksBot.Core.Moderation;

/// <summary>
/// Moderator actions as every chat platform offers them, written once: a refresh that shows its progress (one message
/// edited as it goes, then the summary) and adding or removing sources from chat. Platforms check who is a moderator
/// and only render the texts.
/// </summary>
public sealed class ChatModeration(IndexMaintenance maintenance, SourceCatalog catalog, TimeProvider time, ILogger<ChatModeration>? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger<ChatModeration>.Instance;

    public bool IsRefreshing => maintenance.IsRefreshing;

    /// <summary>Runs a refresh, calling <paramref name="show"/> with progress at most once per interval and finally with the summary.</summary>
    public async Task RefreshAsync(Func<string, Task> show, TimeSpan interval, CancellationToken ct)
    {
        var progress = new ThrottledProgress<RefreshProgress>(p => show(ChatTexts.RefreshProgress(p)), interval, time);
        string summary;
        try
        {
            summary = ChatTexts.RefreshSummary(await maintenance.RefreshAsync(progress, ct));
        }
        catch (RefreshInProgressException)
        {
            summary = ChatTexts.RefreshAlreadyRunning;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogChatRefreshFailed(ex);
            summary = "The refresh failed; the previous index keeps serving. The operators can see why in the log.";
        }
        await progress.FlushAsync();
        await show(summary);
    }

    /// <summary>
    /// Adds a source asked for in chat. Only http(s) URLs: a folder path from chat would let a chat account index the
    /// server's own files.
    /// </summary>
    public async Task<string> AddSourceAsync(string location, CancellationToken ct)
    {
        location = location.Trim();
        if (!IsWebAddress(location)) return FoldersAreTheOperators;
        try
        {
            var shown = UrlSecrets.Hide(location);
            return await catalog.AddAsync(location, null, ct) ? $"Added {shown}; the next refresh reads it." : $"{shown} is already a source.";
        }
        catch (ArgumentException ex)
        {
            return $"Can't add that source: {UrlSecrets.HideIn(ex.Message)}";
        }
    }

    /// <summary>
    /// Removes a source asked for in chat: only the kind chat can add (http(s) URLs). A folder is the operator's, even
    /// one added with <c>source add</c> on the command line, and its articles stay.
    /// </summary>
    public async Task<string> RemoveSourceAsync(string location, CancellationToken ct)
    {
        location = location.Trim();
        if (!IsWebAddress(location)) return FoldersAreTheOperators;
        return await catalog.RemoveAsync(location, ct)
            ? $"Removed {UrlSecrets.Hide(location)} and its articles."
            : $"{UrlSecrets.Hide(location)} is not a source added from chat (configured sources are changed in appsettings.json).";
    }

    private static bool IsWebAddress(string location) =>
        Uri.TryCreate(location, UriKind.Absolute, out var url) && url.Scheme is "http" or "https";

    public const string FoldersAreTheOperators =
        "From chat, only feed and article URLs (http or https) can be added or removed; folders are the operator's.";

    public const string SourceUsage = "Use /source add <url> or /source remove <url>; /sources lists them.";
}
