using TalksBot.Core.Feedback;

namespace TalksBot.Core.Chat;

/// <summary>
/// One command, parsed from any platform: what to do and its argument (the question, the source location, the
/// answer voted on). It knows who may run it and whether its reply is for the caller's eyes only.
/// </summary>
public sealed record ChatCommand(ChatCommandKind Kind, string Argument = "")
{
    /// <summary>The vote of a <see cref="ChatCommandKind.Feedback"/> command.</summary>
    public Vote Vote { get; init; }

    /// <summary>Checked on every invocation, before anything else runs.</summary>
    public bool ModeratorsOnly => Kind is ChatCommandKind.Status or ChatCommandKind.Refresh
        or ChatCommandKind.SourceAdd or ChatCommandKind.SourceRemove or ChatCommandKind.SourceUsage;

    /// <summary>Replies only the caller needs (where a platform can show them privately, e.g. Discord's ephemeral messages).</summary>
    public bool RepliesPrivately => Kind is not ChatCommandKind.Ask;

    /// <summary>The commands as menus list them; "source" takes add|remove and a location.</summary>
    public static IReadOnlyList<ChatCommandInfo> Menu { get; } =
    [
        new("ask", "Ask about the peace talks", false),
        new("sources", "What I read", false),
        new("help", "How to use me", false),
        new("status", "Index status and feedback (moderators)", true),
        new("refresh", "Refresh the articles (moderators)", true),
        new("source", "add|remove <url> (moderators)", true),
    ];

    public static ChatCommand Ask(string question) => new(ChatCommandKind.Ask, question);

    /// <summary>A command by its name and the text after it ("source", "add https://…"); null when there is no such command.</summary>
    public static ChatCommand? Parse(string name, string arguments)
    {
        arguments = arguments.Trim();
        switch (name.ToLowerInvariant())
        {
            case "ask": return Ask(arguments);
            case "sources": return new(ChatCommandKind.Sources);
            case "help": return new(ChatCommandKind.Help);
            case "status": return new(ChatCommandKind.Status);
            case "refresh": return new(ChatCommandKind.Refresh);
            case "source":
                var words = arguments.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                return words switch
                {
                    [var verb, var location] when verb.Equals("add", StringComparison.OrdinalIgnoreCase) => new(ChatCommandKind.SourceAdd, location),
                    [var verb, var location] when verb.Equals("remove", StringComparison.OrdinalIgnoreCase) => new(ChatCommandKind.SourceRemove, location),
                    _ => new(ChatCommandKind.SourceUsage),
                };
            default: return null;
        }
    }

    /// <summary>The command behind a button's data (Telegram callback_data, Discord custom_id); null when it isn't one of ours.</summary>
    public static ChatCommand? FromButton(string? data) =>
        FeedbackButtons.TryParse(data, out var answerId, out var vote) ? new(ChatCommandKind.Feedback, answerId) { Vote = vote } : null;
}
