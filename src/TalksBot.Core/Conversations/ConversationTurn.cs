namespace TalksBot.Core.Conversations;

/// <summary>One exchange in a conversation: what was asked (standalone form) and what was answered.</summary>
public sealed record ConversationTurn(string Question, string Answer, DateTimeOffset At);
