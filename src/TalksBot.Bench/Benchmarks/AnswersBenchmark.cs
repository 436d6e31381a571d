using System.CommandLine;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using TalksBot.Core.Conversations;
using TalksBot.Core.Indexing;
using TalksBot.Evaluation;
using TalksBot.Output;

namespace TalksBot.Benchmarks;

/// <summary>
/// `bench answers`: indexes the shared articles with the default configuration, asks every question of an answer set
/// through the conversation pipeline, and prints pass rates per kind, each failure with why, and the time per question.
/// </summary>
internal static class AnswersBenchmark
{
    public static Command Create()
    {
        var set = new Option<string>("--set") { Description = "devset, heldout, or a path to a question set JSON file.", DefaultValueFactory = _ => "devset" };
        var db = new Option<string?>("--db") { Description = "Index file, kept and reused between runs (default: talksbot-answers/answers.db in the temp folder)." };
        var shared = new Option<string?>("--shared") { Description = "The shared data folder (default: ../shared beside the checkout, or TALKSBOT_SHARED)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object: rates, per kind, every result." };
        var verbose = new Option<bool>("--verbose") { Description = "Print every question with its answer, not only failures." };
        var keep = new Option<bool>("--keep-index") { Description = "Reuse the index even when another build of the product made it (faster; passages may be stale)." };
        var cmd = new Command("answers", "Answer quality on a question set: correct answers, refusals, verbatim quotes.") { set, db, shared, json, verbose, keep };
        cmd.SetAction((parse, ct) => Commands.CommandErrors.RunAsync(() => RunAsync(parse.GetValue(set)!, parse.GetValue(db), parse.GetValue(shared), parse.GetValue(json), parse.GetValue(verbose), parse.GetValue(keep), ct)));
        return cmd;
    }

    private static async Task<int> RunAsync(string setName, string? db, string? shared, bool json, bool verbose, bool keep, CancellationToken ct)
    {
        var root = shared is null ? EvaluationCorpus.FindSharedRoot() : Path.GetFullPath(shared);
        if (root is null || !Directory.Exists(Path.Combine(root, "corpora")))
        {
            return Commands.CommandErrors.Fail(Commands.ExitCodes.BadUsage, "the shared data folder was not found; pass --shared <folder holding articles/ and corpora/> or set TALKSBOT_SHARED");
        }
        QuestionSet set;
        try
        {
            set = QuestionSet.Load(EvaluationCorpus.ResolveSet(setName), root);
        }
        catch (Exception ex) when (ex is FormatException or FileNotFoundException or IOException)
        {
            return Commands.CommandErrors.Fail(Commands.ExitCodes.BadUsage, ex.Message);
        }
        db ??= Path.Combine(Path.GetTempPath(), "talksbot-answers", "answers.db");
        var log = json ? Console.Error : Console.Out;
        log.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
        log.WriteLine($"Set: {set.Path} ({set.Questions.Count} questions, {set.Questions.Count(q => q.Covered)} answerable); index: {db}");
        log.WriteLine("Index: " + EvaluationCorpus.PrepareDatabase(db, keep));

        using var host = EvaluationCorpus.BuildHost(db);
        var services = host.Services;
        var report = await EvaluationCorpus.RefreshAsync(services, root, null, ct);
        log.WriteLine(ChatTexts.RefreshSummary(report) + (report.Embedded > 0 ? $" Embedded {report.Embedded} passages." : ""));
        var status = await services.GetRequiredService<IIndexStore>().GetStatusAsync(ct);
        log.WriteLine($"Index: {status.Articles:N0} articles, {status.Passages:N0} passages, embeddings: {status.EmbeddingModel ?? "none"}");

        var evaluator = new AnswerEvaluator(services.GetRequiredService<ConversationPipeline>(), new AnswerChecker(root));
        var clock = Stopwatch.StartNew();
        var result = await evaluator.RunAsync(set.Questions, ct);
        var modes = string.Join(", ", result.Verdicts.GroupBy(v => v.Mode).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}"));
        log.WriteLine($"Asked {set.Questions.Count} questions (+{set.Questions.Count(q => q.Previous is not null)} previous turns) in {clock.Elapsed.TotalSeconds:0.0} s; answers: {modes}");
        if (json) Console.WriteLine(result.ToJson().ToJsonString(AnswerJson.Options));
        else Console.WriteLine(result.ToText(verbose));
        return 0;
    }
}
