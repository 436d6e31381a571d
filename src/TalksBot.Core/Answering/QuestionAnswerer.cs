using System.Runtime.CompilerServices;
using TalksBot.Core.Conversations;
using TalksBot.Core.Diagnostics;
using TalksBot.Core.Retrieval;

namespace TalksBot.Core.Answering;

/// <summary>Retrieval then writing: the question-to-answer path shared by the command line and every chat platform.</summary>
public sealed class QuestionAnswerer(PassageRetriever retriever, IAnswerWriter writer)
{
    /// <param name="originalQuestion">What the user wrote, when <paramref name="question"/> is its standalone rewrite.</param>
    /// <param name="inContext">The question read with the conversation before it, tried when the question alone isn't covered.</param>
    public async IAsyncEnumerable<AnswerUpdate> AskAsync(
        string question, IReadOnlyList<ConversationTurn> history, [EnumeratorCancellation] CancellationToken cancellationToken,
        string? originalQuestion = null, string? inContext = null)
    {
        RetrievalResult retrieval;
        bool contextual = false;
        using (var retrieve = TalksBotTelemetry.ActivitySource.StartActivity("retrieve"))
        {
            retrieval = await retriever.RetrieveAsync(question, cancellationToken);
            if (!retrieval.Covered && inContext is not null)
            {
                var withContext = await retriever.RetrieveAsync(inContext, cancellationToken);
                if (withContext.Covered)
                {
                    originalQuestion ??= question;
                    (retrieval, question, contextual) = (withContext, inContext, true);
                }
            }
            retrieve?.SetTag("talksbot.covered", retrieval.Covered);
        }
        if (!retrieval.Covered)
        {
            yield return AnswerUpdate.Finished(Answer.NotCovered() with { Grounding = retrieval.Grounding });
            yield break;
        }
        using var answer = TalksBotTelemetry.ActivitySource.StartActivity("answer");
        await foreach (var update in writer.WriteAsync(new AnswerRequest(question, retrieval, history) { OriginalQuestion = originalQuestion }, cancellationToken))
        {
            yield return update.Final is { } final
                ? update with { Final = final with { Grounding = retrieval.Grounding, StandaloneQuestion = contextual ? question : final.StandaloneQuestion } }
                : update;
        }
    }

    /// <summary>The finished answer, without the intermediate updates.</summary>
    public async Task<Answer> AnswerAsync(string question, IReadOnlyList<ConversationTurn> history, CancellationToken cancellationToken)
    {
        Answer? final = null;
        await foreach (var update in AskAsync(question, history, cancellationToken))
        {
            if (update.Final is not null) final = update.Final;
        }
        return final ?? Answer.NotCovered();
    }
}
