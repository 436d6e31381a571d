using TalksBot.Core.Answering;

namespace TalksBot.Core.Chat;

/// <summary>A finished answer as a platform renders it: the question it answers, the answer, and the buttons under it.</summary>
public sealed record ChatAnswer(string Question, Answer Answer, IReadOnlyList<ChatButton> Buttons);
