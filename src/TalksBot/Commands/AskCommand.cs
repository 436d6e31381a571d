using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using TalksBot.Composition;
using TalksBot.Core.Answering;
using TalksBot.Core.Conversations;
using TalksBot.Core.Indexing;
using TalksBot.Core.Moderation;
using TalksBot.Output;

namespace TalksBot.Commands;

/// <summary>
/// `ask "question" [--json]`: answers from the index (building it first if it is empty) through the same conversation
/// pipeline as the chat platforms — the length rule, follow-up rewriting and the model's language handling apply.
/// A refused question (too long, say) is reported on stderr with exit code 2.
/// </summary>
internal static class AskCommand
{
    public static Command Create()
    {
        var question = new Argument<string>("question") { Description = "The question, in quotes." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object: question, answer, mode, grounded, citations." };
        var ask = new Command("ask", "Answer a question from the indexed articles, with numbered citations.") { question, json };
        ask.SetAction((parse, ct) => CommandErrors.RunAsync(() => AskAsync(parse.GetValue(question) ?? "", parse.GetValue(json), ct)));
        return ask;
    }

    private static async Task<int> AskAsync(string question, bool json, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(question)) return CommandErrors.Fail(ExitCodes.BadUsage, "the question is empty; try: ask \"What are Zelensky's preconditions?\"");
        using var host = TalksBotHost.BuildForCommand();
        var services = host.Services;
        var maintenance = services.GetRequiredService<IndexMaintenance>();
        // Only whether anything is indexed: the full status (per-source counts, vectors, errors) was ~100 ms of every
        // `ask` on a 10,000-article index.
        var indexed = await services.GetRequiredService<IPassageSearch>().GetTermStatisticsAsync([], ct);
        if (indexed.TotalPassages == 0)
        {
            Console.Error.WriteLine("The index is empty; reading the configured sources first…");
            var report = await maintenance.RefreshAsync(null, ct);
            Console.Error.WriteLine(ChatTexts.RefreshSummary(report));
        }

        var pipeline = services.GetRequiredService<IConversationPipeline>();
        bool stream = !json && !Console.IsOutputRedirected;
        string shown = "";
        Answer? final = null;
        await foreach (var update in pipeline.AskAsync(new ChatQuestion("cli", "cli:" + Environment.UserName, question), ct))
        {
            if (update.Final is { } done)
            {
                final = done;
                break;
            }
            if (stream && update.Text.StartsWith(shown, StringComparison.Ordinal))
            {
                Console.Write(update.Text[shown.Length..]);
                shown = update.Text;
            }
        }
        final ??= Answer.NotCovered();
        if (final.IsRefusal) return CommandErrors.Fail(ExitCodes.BadUsage, final.Text);

        if (json)
        {
            Console.WriteLine(AnswerJson.Build(question, final).ToJsonString(AnswerJson.Options));
            return ExitCodes.Ok;
        }
        if (shown.Length > 0 && final.Text != shown)
        {
            // The streamed draft had markers that validation removed or renumbered: show the checked version.
            Console.WriteLine("\n\nChecked answer:");
            shown = "";
        }
        if (final.Notice is not null) Console.Error.WriteLine(final.Notice);
        if (shown.Length == 0) Console.Write(AnswerText.Body(final));
        Console.WriteLine();
        Console.Write(AnswerText.Sources(final));
        return ExitCodes.Ok;
    }
}
