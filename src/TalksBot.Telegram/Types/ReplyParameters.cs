namespace TalksBot.Telegram.Types;

/// <summary>Bot API: ReplyParameters.</summary>
public sealed record ReplyParameters(long MessageId, bool AllowSendingWithoutReply = true);
