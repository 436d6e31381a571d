using TalksBot.Core.Answering;

namespace TalksBot.Core.Feedback;

/// <summary>One user's current vote on one answer, with the answer it judges.</summary>
public sealed record FeedbackVote(string AnswerId, string UserKey, Vote Vote, DateTimeOffset At, string Question, AnswerMode Mode, bool Grounded, int Citations);
