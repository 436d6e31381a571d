using TalksBot.Core.Chat;
using TalksBot.Discord.Types;

namespace TalksBot.Discord;

/// <summary>
/// Replies to a message (a mention or a DM): the first reply references the question, later ones edit it in place;
/// what doesn't fit goes out as further replies. "typing…" is the channel's typing endpoint.
/// </summary>
internal sealed class DiscordMessageReply(DiscordRestClient rest, Message message, ChatPacing pacing) : IChatReply
{
    private readonly MessageReference _question = new(message.Id);
    private string? _shown;
    private readonly List<string> _answerIds = [];

    public ChatPacing Pacing => pacing;

    public IReadOnlyList<string> ShownMessageIds => _answerIds;

    public Task ShowDraftAsync(string text, CancellationToken cancellationToken) => ShowAsync(DiscordFormatter.Draft(text), cancellationToken);

    public async Task ShowAnswerAsync(ChatAnswer answer, CancellationToken cancellationToken)
    {
        var messages = DiscordFormatter.Answer(answer);
        await ShowAsync(messages[0], cancellationToken);
        _answerIds.Add(_shown!);
        foreach (var more in messages.Skip(1)) _answerIds.Add(await rest.CreateMessageAsync(message.ChannelId, more with { MessageReference = _question }, cancellationToken));
    }

    public Task ShowTextAsync(string text, CancellationToken cancellationToken) => ShowAsync(DiscordFormatter.Plain(text), cancellationToken);

    public Task SendTypingAsync(CancellationToken cancellationToken) => rest.TriggerTypingAsync(message.ChannelId, cancellationToken);

    private async Task ShowAsync(MessagePayload payload, CancellationToken ct)
    {
        if (_shown is null) _shown = await rest.CreateMessageAsync(message.ChannelId, payload with { MessageReference = _question }, ct);
        else await rest.EditMessageAsync(message.ChannelId, _shown, payload, ct);
    }
}
