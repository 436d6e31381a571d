using System.Diagnostics;
using TalksBot.Core.Answering;
using TalksBot.Core.Conversations;

namespace TalksBot.Evaluation;

/// <summary>
/// Asks every question of a set the way a chat user does: through the <see cref="ConversationPipeline"/>, each in its
/// own conversation, a follow-up's previous question asked first in the same one; then checks each answer.
/// </summary>
public sealed class AnswerEvaluator(ConversationPipeline pipeline, AnswerChecker checker)
{
    public async Task<EvaluationReport> RunAsync(IReadOnlyList<EvaluationQuestion> questions, CancellationToken cancellationToken)
    {
        var verdicts = new List<QuestionVerdict>(questions.Count);
        foreach (var q in questions)
        {
            // One conversation and one user per entry: no memory leaks between entries and no rate limit is hit.
            var conversation = "eval:" + q.Id;
            var user = "eval-user:" + q.Id;
            if (!string.IsNullOrWhiteSpace(q.Previous)) await AskAsync(new ChatQuestion(conversation, user, q.Previous), cancellationToken);
            var started = Stopwatch.GetTimestamp();
            var answer = await AskAsync(new ChatQuestion(conversation, user, q.Question), cancellationToken);
            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            verdicts.Add(checker.Check(q, answer, ms));
        }
        return new EvaluationReport(verdicts);
    }

    private async Task<Answer> AskAsync(ChatQuestion question, CancellationToken cancellationToken)
    {
        Answer? final = null;
        await foreach (var update in pipeline.AskAsync(question, cancellationToken))
        {
            if (update.Final is not null) final = update.Final;
        }
        return final ?? throw new InvalidOperationException($"the pipeline ended without a final answer for \"{question.Text}\"");
    }
}
