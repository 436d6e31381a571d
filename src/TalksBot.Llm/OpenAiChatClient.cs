using System.ClientModel;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using OpenAI.Chat;
using TalksBot.Core.Answering.Llm;
using TalksBot.Core.Diagnostics;
using AiChatMessage = Microsoft.Extensions.AI.ChatMessage;
using AiChatOptions = Microsoft.Extensions.AI.ChatOptions;
using SdkChatMessage = OpenAI.Chat.ChatMessage;

namespace TalksBot.Llm;

/// <summary>
/// IChatClient over the official OpenAI SDK's ChatClient: any OpenAI-compatible endpoint (OpenAI, Azure OpenAI v1,
/// Ollama, LM Studio, vLLM, llama.cpp server). Text in, text out, streaming or not; SDK errors become
/// LlmUnavailableException so the core decides what to do.
/// </summary>
public sealed class OpenAiChatClient(ChatClient client) : IChatClient
{
    public async Task<ChatResponse> GetResponseAsync(IEnumerable<AiChatMessage> messages, AiChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ClientResult<ChatCompletion> result;
        try
        {
            result = await client.CompleteChatAsync(ToSdk(messages), ToSdk(options), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw OpenAiErrors.Translate(ex);
        }
        RecordTokens(result.Value.Usage?.InputTokenCount, result.Value.Usage?.OutputTokenCount);
        var text = string.Concat(result.Value.Content.Select(p => p.Text));
        return new ChatResponse(new AiChatMessage(ChatRole.Assistant, text)) { ModelId = result.Value.Model };
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<AiChatMessage> messages, AiChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var updates = client.CompleteChatStreamingAsync(ToSdk(messages), ToSdk(options), cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                StreamingChatCompletionUpdate update;
                try
                {
                    if (!await updates.MoveNextAsync()) yield break;
                    update = updates.Current;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    throw OpenAiErrors.Translate(ex);
                }
                if (update.Usage is { } usage) RecordTokens(usage.InputTokenCount, usage.OutputTokenCount);
                var text = string.Concat(update.ContentUpdate.Select(p => p.Text));
                if (text.Length > 0) yield return new ChatResponseUpdate(ChatRole.Assistant, text);
            }
        }
        finally
        {
            await updates.DisposeAsync();
        }
    }

    private static void RecordTokens(int? input, int? output)
    {
        if (input is > 0) TalksBotTelemetry.ModelTokens.Add(input.Value, new KeyValuePair<string, object?>("direction", "input"));
        if (output is > 0) TalksBotTelemetry.ModelTokens.Add(output.Value, new KeyValuePair<string, object?>("direction", "output"));
    }

    private static List<SdkChatMessage> ToSdk(IEnumerable<AiChatMessage> messages) => messages.Select(m =>
        m.Role == ChatRole.System ? (SdkChatMessage)new SystemChatMessage(m.Text)
        : m.Role == ChatRole.Assistant ? new AssistantChatMessage(m.Text)
        : new UserChatMessage(m.Text)).ToList();

    private static ChatCompletionOptions ToSdk(AiChatOptions? options)
    {
        var sdk = new ChatCompletionOptions();
        if (options?.Temperature is { } t) sdk.Temperature = t;
        if (options?.MaxOutputTokens is { } max) sdk.MaxOutputTokenCount = max;
        return sdk;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose() { }
}
