namespace TalksBot.Core.Answering;

/// <summary>How an answer was written.</summary>
public enum AnswerMode
{
    /// <summary>Sentences quoted verbatim from the passages, no model involved.</summary>
    Extractive,
    /// <summary>Written by the language model from numbered passages, markers validated.</summary>
    Llm,
}
