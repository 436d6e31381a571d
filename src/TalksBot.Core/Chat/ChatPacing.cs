namespace TalksBot.Core.Chat;

/// <summary>A platform's pace: how often a growing reply may be edited, how often "typing…" is renewed, how long a draft may be.</summary>
public sealed record ChatPacing(TimeSpan EditEvery, TimeSpan TypingEvery, int MaxDraftLength);
