namespace TalksBot.Core.Prompts;

/// <summary>A prompt file is missing or malformed; the message names the file and what is wrong.</summary>
public sealed class PromptException(string message, Exception? inner = null) : Exception(message, inner);
