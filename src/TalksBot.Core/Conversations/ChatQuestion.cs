namespace TalksBot.Core.Conversations;

/// <summary>
/// A question as a platform hands it to the pipeline, already stripped of its wire format (/ask, @mention).
/// Keys are platform-qualified ("telegram:123", "discord:456") so conversations and limits never mix.
/// </summary>
/// <param name="ConversationKey">The chat, channel or thread whose memory follow-ups use.</param>
/// <param name="UserKey">Who asked: the unit of the rate limit.</param>
/// <param name="RepliedTo">
/// The exchange whose answer this question replies to (a reply to one of the bot's messages): followed up on in
/// place of the conversation's last one.
/// </param>
public sealed record ChatQuestion(string ConversationKey, string UserKey, string Text, ConversationTurn? RepliedTo = null);
