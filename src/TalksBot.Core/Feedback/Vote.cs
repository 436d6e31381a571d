namespace TalksBot.Core.Feedback;

/// <summary>A reader's verdict on an answer.</summary>
public enum Vote
{
    Up = 1,
    Down = -1,
}
