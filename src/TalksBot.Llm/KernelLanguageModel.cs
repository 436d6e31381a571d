using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using TalksBot.Core.Answering.Llm;
using TalksBot.Core.Prompts;

namespace TalksBot.Llm;

/// <summary>
/// The core's language model through a Semantic Kernel <see cref="Kernel"/>: the answer and rewrite prompt functions
/// invoked with KernelArguments. With tool calling on, each answer gets its own copy of the kernel holding an
/// <see cref="ArticleSearchPlugin"/> bound to that answer's passages. Failures become LlmUnavailableException;
/// cancellation (Semantic Kernel's KernelFunctionCanceledException) stays OperationCanceledException, so the core can
/// tell a failed model from its own deadline.
/// </summary>
public sealed class KernelLanguageModel(Kernel kernel, PromptFunctions prompts, string model, Func<CitablePassages, ArticleSearchPlugin>? search = null) : ILanguageModel
{
    public async IAsyncEnumerable<string> StreamAnswerAsync(
        AnswerPromptValues values, CitablePassages passages, RetryAllowance retries, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var answerKernel = kernel;
        var settings = Settings(temperature: 0.1f);
        if (search is not null)
        {
            answerKernel = kernel.Clone();
            answerKernel.Plugins.AddFromObject(search(passages), ArticleSearchPlugin.PluginName);
            settings.FunctionChoiceBehavior = FunctionChoiceBehavior.Auto();
        }
        var stream = prompts.Answer.InvokeStreamingAsync<string>(answerKernel, Arguments(values.ByPlaceholder(), settings), cancellationToken)
            .GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                // Requests of this answer (the first, and any after a tool call) take their HTTP retry from its allowance.
                ModelRetryPolicy.Current = retries;
                bool more;
                try
                {
                    more = await stream.MoveNextAsync();
                }
                catch (Exception ex)
                {
                    throw Translate(ex, cancellationToken);
                }
                if (!more) break;
                if (!string.IsNullOrEmpty(stream.Current)) yield return stream.Current;
            }
        }
        finally
        {
            await stream.DisposeAsync();
        }
    }

    public async Task<string> RewriteAsync(RewritePromptValues values, CancellationToken cancellationToken)
    {
        var settings = Settings(temperature: 0f);
        settings.ExtensionData!["max_tokens"] = 120;
        FunctionResult result;
        try
        {
            result = await prompts.Rewrite.InvokeAsync(kernel, Arguments(values.ByPlaceholder(), settings), cancellationToken);
        }
        catch (Exception ex)
        {
            throw Translate(ex, cancellationToken);
        }
        return result.GetValue<object>() switch
        {
            ChatResponse response => response.Text,
            var other => other?.ToString() ?? "",
        };
    }

    private PromptExecutionSettings Settings(float temperature) => new()
    {
        ModelId = model,
        ExtensionData = new Dictionary<string, object> { ["temperature"] = temperature },
    };

    private static KernelArguments Arguments(IReadOnlyDictionary<string, string> values, PromptExecutionSettings settings)
    {
        var arguments = new KernelArguments(settings);
        foreach (var (name, value) in values) arguments[name] = value;
        return arguments;
    }

    /// <summary>
    /// Cancellation (ours or a deadline's) stays OperationCanceledException: Semantic Kernel reports it as
    /// KernelFunctionCanceledException around the original; everything else is a model failure with a short reason.
    /// </summary>
    private static Exception Translate(Exception ex, CancellationToken cancellationToken)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e is LlmUnavailableException unavailable) return unavailable;
            if (e is OperationCanceledException canceled) return canceled;
        }
        if (ex is KernelFunctionCanceledException) return new OperationCanceledException(ex.Message, ex, cancellationToken);
        return OpenAiErrors.Translate(ex);
    }
}
