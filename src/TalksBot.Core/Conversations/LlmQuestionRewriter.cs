using TalksBot.Core.Answering.Llm;
using TalksBot.Core.Prompts;

namespace TalksBot.Core.Conversations;

/// <summary>
/// Turns a follow-up into a standalone English question with the model ("and what about Russia's?" after a question on
/// Zelensky's preconditions → "What are Russia's preconditions for peace talks?"). Also rewrites questions in other
/// languages into English, since the articles are searched by their English words. A standalone English question
/// costs no model call.
/// </summary>
public sealed class LlmQuestionRewriter(ILanguageModel model, LlmSettings settings) : IQuestionRewriter
{
    public async Task<string> RewriteAsync(string question, IReadOnlyList<ConversationTurn> history, CancellationToken cancellationToken)
    {
        if (history.Count == 0 && MostlyLatin(question)) return question;
        var values = new RewritePromptValues(PassageFence.Escape(question), PassageFence.Conversation(history.TakeLast(4).ToList()));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.Timeout);
        string reply;
        try
        {
            reply = await model.RewriteAsync(values, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Our own timeout is a model failure (the pipeline then rewrites without the model), not the caller's cancellation.
            throw new LlmUnavailableException($"no rewrite within {settings.Timeout.TotalSeconds:0} s");
        }
        var rewritten = reply.Trim().Trim('"', '«', '»').Split('\n')[0].Trim();
        // A rewrite is one question; anything else means the model misunderstood the task.
        return rewritten.Length is > 3 and < 400 ? rewritten : question;
    }

    internal static bool MostlyLatin(string text)
    {
        int letters = 0, latin = 0;
        foreach (var ch in text)
        {
            if (!char.IsLetter(ch)) continue;
            letters++;
            if (ch < 0x250) latin++;
        }
        return letters == 0 || latin >= letters * 0.8;
    }
}
