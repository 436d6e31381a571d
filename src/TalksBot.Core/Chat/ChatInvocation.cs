namespace TalksBot.Core.Chat;

/// <summary>
/// A command as one user invoked it in one conversation. Keys are platform-qualified ("telegram:chat:1") so
/// conversations, limits and votes never mix. <paramref name="IsModerator"/> asks the platform (permissions in the
/// payload, an API call) and is called on every invocation of a moderator command.
/// <paramref name="RepliedToMessageId"/> is the platform's id of the bot's message this one replies to, if any.
/// </summary>
public sealed record ChatInvocation(ChatCommand Command, string ConversationKey, string UserKey, Func<CancellationToken, Task<bool>> IsModerator,
    string? RepliedToMessageId = null);
