using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using TalksBot.Core.Diagnostics;

namespace TalksBot.Llm;

/// <summary>Adds the tokens each model call reports to TalksBot's own counter (talksbot.model.tokens).</summary>
internal sealed class TokenCountingChatClient(IChatClient inner) : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var response = await base.GetResponseAsync(messages, options, cancellationToken);
        Record(response.Usage);
        return response;
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken))
        {
            foreach (var usage in update.Contents.OfType<UsageContent>()) Record(usage.Details);
            yield return update;
        }
    }

    private static void Record(UsageDetails? usage)
    {
        if (usage?.InputTokenCount is > 0 and var input) TalksBotTelemetry.ModelTokens.Add(input, new KeyValuePair<string, object?>("direction", "input"));
        if (usage?.OutputTokenCount is > 0 and var output) TalksBotTelemetry.ModelTokens.Add(output, new KeyValuePair<string, object?>("direction", "output"));
    }
}
