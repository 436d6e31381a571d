using TalksBot.Core.Chat;
using TalksBot.Discord.Types;

namespace TalksBot.Discord;

/// <summary>
/// Replies to an interaction that was deferred (public or ephemeral, as the command asked): everything edits the
/// original response; what doesn't fit goes out as follow-ups. The deferral already shows "thinking…", so there is no
/// typing indicator.
/// </summary>
internal sealed class DiscordInteractionReply(DiscordRestClient rest, string applicationId, string token, string? question, ChatPacing pacing) : IChatReply
{
    private readonly List<string> _answerIds = [];

    public ChatPacing Pacing => pacing;

    public IReadOnlyList<string> ShownMessageIds => _answerIds;

    public Task ShowDraftAsync(string text, CancellationToken cancellationToken) =>
        rest.EditOriginalResponseAsync(applicationId, token, DiscordFormatter.Draft(text, question), cancellationToken);

    public async Task ShowAnswerAsync(ChatAnswer answer, CancellationToken cancellationToken)
    {
        var messages = DiscordFormatter.Answer(answer);
        if (await rest.EditOriginalResponseAsync(applicationId, token, messages[0], cancellationToken) is { } shown) _answerIds.Add(shown);
        foreach (var more in messages.Skip(1))
        {
            if (await rest.CreateFollowupAsync(applicationId, token, more, cancellationToken) is { } id) _answerIds.Add(id);
        }
    }

    public Task ShowTextAsync(string text, CancellationToken cancellationToken) =>
        rest.EditOriginalResponseAsync(applicationId, token, DiscordFormatter.Plain(text), cancellationToken);

    public Task SendTypingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
