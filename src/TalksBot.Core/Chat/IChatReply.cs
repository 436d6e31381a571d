namespace TalksBot.Core.Chat;

/// <summary>
/// How a platform replies to one invocation: one reply that is shown, then edited as it grows (overflow goes into
/// further messages). Implementations only translate into their wire format and markup; what to say and when is
/// decided by <see cref="ChatFrontEnd"/>. Failures to deliver throw, so the platform can log them in its terms.
/// </summary>
public interface IChatReply
{
    ChatPacing Pacing { get; }

    /// <summary>An answer being written: shows the reply, or edits it in place.</summary>
    Task ShowDraftAsync(string text, CancellationToken cancellationToken);

    /// <summary>The finished answer, with its buttons, in place of any draft.</summary>
    Task ShowAnswerAsync(ChatAnswer answer, CancellationToken cancellationToken);

    /// <summary>The bot's own words (help, status, refusals, progress), plain: a new reply, or in place of the reply so far.</summary>
    Task ShowTextAsync(string text, CancellationToken cancellationToken);

    /// <summary>One "typing…" action; <see cref="ChatFrontEnd"/> renews it while an answer is written.</summary>
    Task SendTypingAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The platform's ids of the messages that show the finished answer, once shown: a user who replies to one of them
    /// follows up on that answer's question (<see cref="ChatInvocation.RepliedToMessageId"/>). Empty where a reply
    /// can't address the answer (an ephemeral reply, the command line).
    /// </summary>
    IReadOnlyList<string> ShownMessageIds => [];
}
