namespace TalksBot.Telegram.Types;

/// <summary>Bot API: LinkPreviewOptions.</summary>
public sealed record LinkPreviewOptions(bool IsDisabled);
