namespace TalksBot.Core.Answering;

/// <summary>What kind of answer a question asks for, read from its first words.</summary>
public enum QuestionType
{
    Other,
    Quantity,
    Time,
    Place,
    Person,
    Duration,
    Statement,
    /// <summary>"Why…": answered by a sentence that gives a cause ("because", "due to", "stemming from").</summary>
    Reason,
}
