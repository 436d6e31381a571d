namespace TalksBot.Core.Chat;

/// <summary>A button under a reply: its label and the data the platform hands back when it is pressed.</summary>
public sealed record ChatButton(string Label, string Data);
