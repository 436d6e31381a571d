using System.CommandLine;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using TalksBot.Composition;
using TalksBot.Core.Answering;
using TalksBot.Core.Refresh;
using TalksBot.Core.Sources;

namespace TalksBot.Benchmarks;

/// <summary>
/// `bench llm`: with a model server on loopback that answers instantly, what the bot adds per question (retrieval,
/// prompt, HTTP, streaming, citation checks) on a generated index; and how passages are embedded at refresh.
/// </summary>
internal static class LlmBenchmark
{
    public static Command Create()
    {
        var articles = new Option<int>("--articles") { Description = "Articles to generate.", DefaultValueFactory = _ => 10_000 };
        var questions = new Option<int>("--questions") { Description = "Questions to time.", DefaultValueFactory = _ => 300 };
        var dimensions = new Option<int>("--dimensions") { Description = "Embedding size the fake model returns.", DefaultValueFactory = _ => 768 };
        var cmd = new Command("llm", "Per-question overhead with an instant model; batched embeddings at refresh.") { articles, questions, dimensions };
        cmd.SetAction((parse, ct) => RunAsync(parse.GetValue(articles), parse.GetValue(questions), parse.GetValue(dimensions), ct));
        return cmd;
    }

    private static async Task<int> RunAsync(int count, int questionCount, int dimensions, CancellationToken ct)
    {
        var dir = Path.Combine(Path.GetTempPath(), "talksbot-bench-llm-" + Environment.ProcessId);
        var corpus = Path.Combine(dir, "articles");
        Directory.CreateDirectory(corpus);
        try
        {
            SyntheticCorpus.Write(corpus, count);
            await using var model = await InstantModelServer.StartAsync(dimensions);
            Environment.SetEnvironmentVariable("Index__DatabasePath", Path.Combine(dir, "bench.db"));
            Environment.SetEnvironmentVariable("Llm__Endpoint", model.Endpoint.ToString());
            Environment.SetEnvironmentVariable("Llm__Model", "bench");
            Environment.SetEnvironmentVariable("Llm__ApiKey", "bench");
            Environment.SetEnvironmentVariable("Llm__EmbeddingModel", "bench-embed");
            Environment.SetEnvironmentVariable("Embeddings__Provider", "openai");
            Environment.SetEnvironmentVariable("Llm__PromptsPath", Path.Combine(AppContext.BaseDirectory, "prompts"));
            Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; model server: {model.Endpoint}");
            using var host = TalksBotHost.BuildForCommand();
            var services = host.Services;
            var source = services.GetRequiredService<IArticleSourceFactory>().Create(corpus);
            var refresher = services.GetRequiredService<IndexRefresher>();

            var first = await refresher.RefreshAsync([source], null, ct);
            Console.WriteLine($"Refresh with embeddings: {first.Added:N0} articles, {first.Embedded:N0} passages embedded in {model.EmbeddingRequests:N0} requests (largest batch {model.LargestBatch}) in {first.Elapsed.TotalSeconds:0.0} s");
            int before = model.EmbeddingRequests;
            var again = await refresher.RefreshAsync([source], null, ct);
            Console.WriteLine($"Unchanged re-refresh: {again.Unchanged:N0} unchanged, {again.Embedded} embedded, {model.EmbeddingRequests - before} embedding requests, {again.Elapsed.TotalSeconds:0.00} s");

            var answerer = services.GetRequiredService<QuestionAnswerer>();
            var asked = SyntheticCorpus.Questions(questionCount);
            foreach (var q in asked.Take(20)) await answerer.AnswerAsync(q, [], ct);
            var times = new List<double>();
            var modelTimes = new List<double>();
            foreach (var q in asked)
            {
                var t = Stopwatch.GetTimestamp();
                var answer = await answerer.AnswerAsync(q, [], ct);
                var ms = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
                times.Add(ms);
                if (answer.Mode == AnswerMode.Llm) modelTimes.Add(ms);
            }
            times.Sort();
            modelTimes.Sort();
            static double P(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
            Console.WriteLine($"Per question with an instant model, {dimensions}-dimension vectors (hybrid retrieval + prompt + streamed reply + citation check):");
            Console.WriteLine($"  all {times.Count} questions: p50 {P(times, 0.5):0.0} ms, p95 {P(times, 0.95):0.0} ms, max {times[^1]:0.0} ms");
            Console.WriteLine($"  the {modelTimes.Count} the model answered: p50 {P(modelTimes, 0.5):0.0} ms, p95 {P(modelTimes, 0.95):0.0} ms");
            using var self = Process.GetCurrentProcess();
            Console.WriteLine($"Peak RSS: {self.PeakWorkingSet64 / 1024.0 / 1024.0:0} MB");
            return 0;
        }
        finally
        {
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
    }
}
