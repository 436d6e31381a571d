using System.Globalization;
using System.Text;
using TalksBot.Core.Feedback;
using TalksBot.Core.Indexing;
using TalksBot.Core.Refresh;

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
        sb.AppendLine($"Last refresh: {(status.LastRefresh is { } at ? at.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "never")}");
        if (status.LastRefreshErrors.Count > 0)
        {
            sb.AppendLine($"Errors in the last refresh: {status.LastRefreshErrors.Count}");
            foreach (var e in status.LastRefreshErrors.Take(5)) sb.AppendLine($"• {e.Location}: {e.Reason}");
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
                : s.Location;
            sb.Append($"• {location} — {s.Articles:N0} articles");
            if (s.NewestArticle is not null) sb.Append($", newest {Date(s.NewestArticle)}");
            if (s.LastSuccess is { } ok) sb.Append($", last read {ok.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC");
            if (s.LastError is { } err) sb.Append($", last error: {(forChat ? HidePaths(err.Reason) : err.Reason)}");
            if (s.Origin == "added") sb.Append(" (added by a moderator)");
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
        "embedding" => $"Refreshing… computing embeddings ({p.DocumentsSeen:N0} passages).",
        "saving" => "Refreshing… saving the index.",
        _ => $"Refreshing source {p.SourceNumber}/{p.SourceCount}: {p.Source}\n" +
             $"{p.DocumentsSeen:N0} documents read — added {p.Added}, updated {p.Updated}, unchanged {p.Unchanged}, skipped {p.Skipped}, errors {p.Errors}",
    };

    public static string RefreshSummary(RefreshReport r)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"Refresh finished in {r.Elapsed.TotalSeconds:0.0} s: added {r.Added}, updated {r.Updated}, removed {r.Removed}, unchanged {r.Unchanged}, skipped {r.Skipped.Count}, errors {r.Errors.Count}.");
        foreach (var s in r.Skipped.Take(10)) sb.AppendLine($"skipped {s.Origin}: {s.Reason}");
        if (r.Skipped.Count > 10) sb.AppendLine($"… and {r.Skipped.Count - 10} more skipped");
        foreach (var e in r.Errors.Take(10)) sb.AppendLine($"error {e.Location}: {e.Reason}");
        if (r.Errors.Count > 10) sb.AppendLine($"… and {r.Errors.Count - 10} more errors");
        return sb.ToString().TrimEnd();
    }
}
