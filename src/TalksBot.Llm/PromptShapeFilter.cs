using Microsoft.SemanticKernel;
using TalksBot.Core.Answering.Llm;

namespace TalksBot.Llm;

/// <summary>
/// Refuses to send a rendered prompt that Semantic Kernel would not split into the messages its template declares:
/// instead of the system prompt silently arriving as part of one user message, the model call fails (and the answer
/// is extractive, with a notice).
/// </summary>
internal sealed class PromptShapeFilter : IPromptRenderFilter
{
    public async Task OnPromptRenderAsync(PromptRenderContext context, Func<PromptRenderContext, Task> next)
    {
        await next(context);
        var roles = PromptFunctions.RolesOf(context.Function.Name);
        if (roles.Count == 0 || context.RenderedPrompt is null) return;
        var problem = PromptFunctions.ShapeProblem(context.RenderedPrompt, roles);
        if (problem is not null) throw new LlmUnavailableException($"prompt '{context.Function.Name}' not sent: {problem}");
    }
}
