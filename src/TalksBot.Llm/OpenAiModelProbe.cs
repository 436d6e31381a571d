using OpenAI;
using TalksBot.Core.Health;

namespace TalksBot.Llm;

/// <summary>Health probe for the model endpoint: lists its models (GET /models), which costs no tokens.</summary>
internal sealed class OpenAiModelProbe(OpenAIClient client) : IModelEndpointProbe
{
    public async Task ProbeAsync(CancellationToken cancellationToken)
    {
        // A probe reports what it sees, once: no HTTP retry (and so no second call within the health interval).
        ModelRetryPolicy.Current = new TalksBot.Core.Answering.Llm.RetryAllowance(0);
        try
        {
            await client.GetOpenAIModelClient().GetModelsAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw OpenAiErrors.Translate(ex);
        }
    }
}
