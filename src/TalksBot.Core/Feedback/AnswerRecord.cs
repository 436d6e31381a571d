using TalksBot.Core.Answering;

namespace TalksBot.Core.Feedback;

/// <summary>An answer given in chat, kept so votes on it can be judged later: what was asked and how it was answered.</summary>
/// <param name="Id">The id its buttons carry.</param>
public sealed record AnswerRecord(string Id, string ConversationKey, string Question, AnswerMode Mode, bool Grounded, IReadOnlyList<Citation> Citations, DateTimeOffset At);
