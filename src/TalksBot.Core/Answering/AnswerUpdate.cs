namespace TalksBot.Core.Answering;

/// <summary>
/// A step of an answer being written: the text so far (grows while a model streams), and, on the last update only,
/// the finished <see cref="Answer"/> with validated citations.
/// </summary>
public sealed record AnswerUpdate(string Text, Answer? Final)
{
    public bool IsFinal => Final is not null;

    public static AnswerUpdate Finished(Answer answer) => new(answer.Text, answer);
}
