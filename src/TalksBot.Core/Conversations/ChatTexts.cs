using System.Globalization;
using System.Text;
using TalksBot.Core.Feedback;
using TalksBot.Core.Indexing;
using TalksBot.Core.Refresh;
using TalksBot.Core.Sources;

using TalksBot.Core.Moderation;

namespace TalksBot.Core.Conversations;

/// <summary>
/// Every message the bot says in its own words, in one place, as plain text: platforms only escape and mark it up.
/// </summary>
public static class ChatTexts
{
    public const string Help =
        "I answer questions about the Russia–Ukraine peace talks from the news articles I keep, with numbered sources.\n" +
        "Ask me anything, e.g. “What are Zelensky's preconditions?” or “What did Lavrov offer?”.\n" +
        "Follow-ups work too: “and what about Russia's?”.\n" +
        "Commands: ask, sources (what I read). Moderators: refresh, status, source add|remove.\n" +
        "Tell me how I did with 👍 or 👎 under an answer.";

    public const string EmptyQuestion = "Ask me a question about the peace talks, e.g. “What are Zelensky's preconditions?”";

    public const string ModeratorsOnly = "Sorry, only moderators may do that.";

    public const string RefreshAlreadyRunning = "A refresh is already running; I'll have fresh articles when it finishes.";

    public const string RefreshStarting = "Refreshing…";

    public const string SomethingWentWrong = "Sorry, something went wrong while answering. Please try again in a minute.";

    public static string TooLong(int length, int max) =>
        $"That question is {length:N0} characters long; I take questions of up to {max:N0} characters. Please shorten it.";

    public static string RateLimited(int perMinute, TimeSpan retryAfter) =>
        $"You're asking faster than I can answer: {perMinute} questions a minute. Please try again in {Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))} s.";

    /// <summary>
    /// A growing answer as a draft may show it: whole when it fits, else its first <paramref name="max"/> characters cut
    /// at a word, with "…" — the same on every platform (the final answer is split, never cut).
    /// </summary>
    public static string Draft(string text, int max)
    {
        text = text.Trim();
        if (text.Length <= max) return text;
        int cut = text.LastIndexOf(' ', Math.Max(0, max - 2));
        if (cut <= 0) cut = max - 1;
        return text[..cut].TrimEnd() + "…";
    }

    public static string VoteReply(VoteOutcome outcome, Vote vote) => outcome switch
    {
        VoteOutcome.UnknownAnswer => "Thanks! I no longer have that answer on record, so I couldn't count this vote. Please ask again and vote on the new answer.",
        VoteOutcome.Changed => $"Changed your vote to {Emoji(vote)}. Thanks!",
        VoteOutcome.Unchanged => $"You already voted {Emoji(vote)} on this answer. Thanks!",
        _ => $"Thanks for the {Emoji(vote)}!",
    };

    public static string Emoji(Vote vote) => vote == Vote.Up ? "👍" : "👎";

    /// <summary>The feedback lines of /status: counts, then the latest 👎 with their questions.</summary>
    public static string Feedback(FeedbackSummary summary)
    {
        var sb = new StringBuilder($"Feedback: {summary.Up:N0} 👍, {summary.Down:N0} 👎");
        foreach (var v in summary.LatestDown)
        {
            var question = v.Question.Length > 120 ? v.Question[..119] + "…" : v.Question;
            sb.Append($"\n👎 {v.At.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC: “{question}” ({(v.Mode == Answering.AnswerMode.Llm ? "model" : "extractive")}, {(v.Grounded ? "grounded" : "not covered")}, {v.Citations} source(s))");
        }
        return sb.ToString();
    }

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "undated";

    public static string Status(IndexStatus status)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"Articles: {status.Articles:N0}, passages: {status.Passages:N0}, sources: {status.Sources.Count}");
        sb.AppendLine(status.EmbeddingModel is null
            ? "Embeddings: none (keyword search only)"
            : $"Embeddings: {status.EmbeddedPassages:N0} of {status.Passages:N0} passages embedded with {status.EmbeddingModel}");
        sb.AppendLine($"Last refresh: {(status.LastRefresh is { } at ? at.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "never")}");
        if (status.LastRefreshErrors.Count > 0)
        {
            sb.AppendLine($"Errors in the last refresh: {status.LastRefreshErrors.Count}");
            foreach (var e in status.LastRefreshErrors.Take(5)) sb.AppendLine($"• {UrlSecrets.Hide(e.Location)}: {UrlSecrets.HideIn(e.Reason)}");
            if (status.LastRefreshErrors.Count > 5) sb.AppendLine($"• … and {status.LastRefreshErrors.Count - 5} more");
        }
        return sb.ToString().TrimEnd();
    }

    /// <param name="forChat">In chat, a local folder shows by its name only: server paths are the operator's business.</param>
    public static string Sources(IReadOnlyList<SourceRecord> sources, bool forChat = false)
    {
        if (sources.Count == 0) return "No sources are configured yet. Moderators can add one with: source add <url-or-folder>.";
        var sb = new StringBuilder("Sources I read:\n");
        foreach (var s in sources)
        {
            var location = forChat && !s.Location.StartsWith("http", StringComparison.OrdinalIgnoreCase)
                ? $"local folder “{Path.GetFileName(s.Location.TrimEnd('/', '\\'))}”"
                : UrlSecrets.Hide(s.Location);
            sb.Append($"• {location} — {s.Articles:N0} articles");
            if (s.NewestArticle is not null) sb.Append($", newest {Date(s.NewestArticle)}");
            if (s.LastSuccess is { } ok) sb.Append($", last read {ok.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC");
            if (s.LastError is { } err) sb.Append($", last error: {UrlSecrets.HideIn(forChat ? HidePaths(err.Reason) : err.Reason)}");
            if (s.Origin == "added") sb.Append(" (added by a moderator)");
            if (s.Origin == SourceOrigins.Given) sb.Append(" (given to one refresh: kept until refreshed again or removed)");
            if (s.Origin == SourceCatalog.SamplesOrigin) sb.Append(" (sample digests for the demo: left out once a source is configured or added)");
            sb.Append('\n');
            if (s.Outlets.Count > 0)
            {
                var shown = s.Outlets.Take(8).Select(o => $"{o.Outlet} ({o.Articles}, newest {Date(o.Newest)})");
                sb.Append("  outlets: ").Append(string.Join("; ", shown));
                if (s.Outlets.Count > 8) sb.Append($"; and {s.Outlets.Count - 8} more");
                sb.Append('\n');
            }
        }
        return sb.ToString().TrimEnd();
    }

    private static string HidePaths(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"(/[^\s/:]+){2,}", m => "…/" + Path.GetFileName(m.Value));

    public static string RefreshProgress(RefreshProgress p) => p.Phase switch
    {
        "embedding" => $"Refreshing… embedding passages: {p.PassagesEmbedded:N0}/{p.PassagesToEmbed:N0} ({p.EmbeddingModel}).",
        "saving" => "Refreshing… saving the index.",
        _ => $"Refreshing source {p.SourceNumber}/{p.SourceCount}: {UrlSecrets.Hide(p.Source)}\n" +
             $"{p.DocumentsSeen:N0} documents read — added {p.Added}, updated {p.Updated}, unchanged {p.Unchanged}, skipped {p.Skipped}, errors {p.Errors}",
    };

    /// <summary>
    /// The live progress as one terminal line of at most <paramref name="width"/> characters: source n/N, totals
    /// across every source so far, and the page being fetched. Long locations are shortened in the middle.
    /// </summary>
    public static string RefreshProgressLine(RefreshProgress p, int width = 80)
    {
        width = Math.Max(40, width) - 1; // the cursor's column stays free, so no terminal wraps the line
        if (p.Phase == "embedding") return Fit($"Embedding passages: {p.DocumentsSeen:N0} done", width);
        if (p.Phase is not null) return Fit($"Saving the index ({p.DocumentsTotal:N0} documents read)", width);
        var counts = $"{p.DocumentsTotal:N0} read: {p.Added} new, {p.Updated} upd, {p.Skipped} skip, {p.Errors} err";
        var head = $"{p.SourceNumber}/{p.SourceCount} ";
        var room = width - head.Length - counts.Length - 3;
        var what = p.Fetching is { } url ? $"GET {Location(url)}" : Location(p.Source);
        return room >= 8 ? $"{head}{Shorten(what, room)} · {counts}" : Fit($"{head}{counts}", width);
    }

    private static string Location(string location) =>
        Uri.TryCreate(location, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? UrlSecrets.Hide($"{uri.Scheme}://{uri.Host}{uri.PathAndQuery}")[(uri.Scheme.Length + 3)..] : location;

    private static string Fit(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";

    private static string Shorten(string text, int width)
    {
        if (text.Length <= width) return text;
        var keep = width - 1;
        return text[..(keep / 2)] + "…" + text[^(keep - keep / 2)..];
    }

    /// <summary>The reason without the location it would repeat ("https://x/a: HTTP 404" under "error https://x/a").</summary>
    private static string ReasonWithout(string location, string reason) =>
        reason.StartsWith(location, StringComparison.Ordinal) && reason.Length > location.Length && reason[location.Length] == ':'
            ? reason[(location.Length + 1)..].TrimStart()
            : reason;

    public static string RefreshSummary(RefreshReport r)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"Refresh finished in {r.Elapsed.TotalSeconds:0.0} s: added {r.Added}, updated {r.Updated}, removed {r.Removed}, unchanged {r.Unchanged}, skipped {r.Skipped.Count}, errors {r.Errors.Count}.");
        if (r.BoilerplateLinesDropped > 0) sb.AppendLine($"{r.BoilerplateLinesDropped:N0} boilerplate lines (navigation, captions, prompts, link lists) left out of the articles read.");
        if (r.EmbeddingModel is not null) sb.AppendLine($"Embedded {r.Embedded:N0} new or changed passages with {r.EmbeddingModel}.");
        foreach (var s in r.Skipped.Take(10)) sb.AppendLine($"skipped {UrlSecrets.Hide(s.Origin)}: {UrlSecrets.HideIn(s.Reason)}");
        if (r.Skipped.Count > 10) sb.AppendLine($"… and {r.Skipped.Count - 10} more skipped");
        foreach (var e in r.Errors.Take(10)) sb.AppendLine($"error {UrlSecrets.Hide(e.Location)}: {UrlSecrets.HideIn(ReasonWithout(e.Location, e.Reason))}");
        if (r.Errors.Count > 10) sb.AppendLine($"… and {r.Errors.Count - 10} more errors");
        return sb.ToString().TrimEnd();
    }
}
