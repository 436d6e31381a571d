using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using TalksBot.Composition;
using TalksBot.Core.Answering;
using TalksBot.Core.Indexing;
using TalksBot.Core.Refresh;
using TalksBot.Core.Sources;

namespace TalksBot.Benchmarks;

/// <summary>
/// `bench index`: generates N articles (~550 words) as Markdown files, then measures a refresh from scratch, an
/// unchanged re-refresh, in-process retrieval + extractive answer latency, whole-process `ask` vs `index status`, and peak RSS.
/// </summary>
internal static class IndexBenchmark
{
    public static Command Create()
    {
        var articles = new Option<int>("--articles") { Description = "Articles to generate.", DefaultValueFactory = _ => 10_000 };
        var questions = new Option<int>("--questions") { Description = "In-process questions to time.", DefaultValueFactory = _ => 300 };
        var processes = new Option<int>("--process-runs") { Description = "Whole-process runs of ask and of status (0 = skip).", DefaultValueFactory = _ => 10 };
        var workdir = new Option<string?>("--dir") { Description = "Working folder (default: a new temp folder, deleted after)." };
        var cmd = new Command("index", "Refresh and question speed on generated articles, and peak memory.") { articles, questions, processes, workdir };
        cmd.SetAction((parse, ct) => RunAsync(parse.GetValue(articles), parse.GetValue(questions), parse.GetValue(processes), parse.GetValue(workdir), ct));
        return cmd;
    }

    private static async Task<int> RunAsync(int count, int questionCount, int processRuns, string? dir, CancellationToken ct)
    {
        bool temporary = dir is null;
        dir ??= Path.Combine(Path.GetTempPath(), "talksbot-bench-" + Environment.ProcessId);
        var corpus = Path.Combine(dir, "articles");
        var db = Path.Combine(dir, "bench.db");
        Directory.CreateDirectory(corpus);
        foreach (var f in Directory.GetFiles(dir, "bench*")) File.Delete(f);
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
        var clock = Stopwatch.StartNew();
        int words = SyntheticCorpus.Write(corpus, count);
        Console.WriteLine($"Generated {count:N0} articles ({words / Math.Max(1, count)} words each on average) in {clock.Elapsed.TotalSeconds:0.0} s");

        Environment.SetEnvironmentVariable("Index__DatabasePath", db);
        Environment.SetEnvironmentVariable("Llm__Endpoint", "");
        using var host = TalksBotHost.BuildForCommand();
        var services = host.Services;
        var source = services.GetRequiredService<IArticleSourceFactory>().Create(corpus);
        var refresher = services.GetRequiredService<IndexRefresher>();

        var first = await refresher.RefreshAsync([source], null, ct);
        Console.WriteLine($"Refresh from scratch: {first.Added:N0} added in {first.Elapsed.TotalSeconds:0.00} s = {first.Added / first.Elapsed.TotalSeconds:N0} articles/s");
        var again = await refresher.RefreshAsync([source], null, ct);
        Console.WriteLine($"Unchanged re-refresh: {again.Unchanged:N0} unchanged in {again.Elapsed.TotalSeconds:0.00} s");

        var status = await services.GetRequiredService<IArticleIndex>().GetStatusAsync(ct);
        Console.WriteLine($"Index: {status.Articles:N0} articles, {status.Passages:N0} passages, {status.DatabaseBytes / 1024.0 / 1024.0:0.0} MB");

        var answerer = services.GetRequiredService<QuestionAnswerer>();
        var asked = SyntheticCorpus.Questions(questionCount);
        foreach (var q in asked.Take(20)) await answerer.AnswerAsync(q, [], ct); // warm-up
        var times = new List<double>();
        int grounded = 0;
        foreach (var q in asked)
        {
            var t = Stopwatch.GetTimestamp();
            var answer = await answerer.AnswerAsync(q, [], ct);
            times.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            if (answer.Grounded) grounded++;
        }
        times.Sort();
        Console.WriteLine($"In-process retrieval + extractive answer over {times.Count} questions: p50 {Percentile(times, 0.50):0.0} ms, p95 {Percentile(times, 0.95):0.0} ms, max {times[^1]:0.0} ms ({grounded} grounded)");

        // Where the time goes: the index's two queries, measured alone.
        var index = services.GetRequiredService<IArticleIndex>();
        var analyzer = services.GetRequiredService<Core.Retrieval.TextAnalyzer>();
        var search = new List<double>();
        var searchAll = new List<double>();
        var stats = new List<double>();
        foreach (var q in asked)
        {
            var terms = analyzer.AnalyzeQuestion(q).Terms;
            var t = Stopwatch.GetTimestamp();
            await index.SearchAsync(terms, 60, requireAll: false, ct);
            search.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            t = Stopwatch.GetTimestamp();
            await index.SearchAsync(terms, 60, requireAll: true, ct);
            searchAll.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            t = Stopwatch.GetTimestamp();
            await index.GetTermStatisticsAsync(terms, ct);
            stats.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }
        search.Sort();
        searchAll.Sort();
        stats.Sort();
        Console.WriteLine($"  index queries alone: bm25 all-terms p50 {Percentile(searchAll, 0.5):0.0} / p95 {Percentile(searchAll, 0.95):0.0} ms, any-term p50 {Percentile(search, 0.5):0.0} / p95 {Percentile(search, 0.95):0.0} ms, term statistics p50 {Percentile(stats, 0.5):0.0} / p95 {Percentile(stats, 0.95):0.0} ms");

        using (var self = Process.GetCurrentProcess())
        {
            self.Refresh();
            Console.WriteLine($"Peak RSS of this process (generate + refresh + questions): {self.PeakWorkingSet64 / 1024.0 / 1024.0:0} MB");
        }

        if (processRuns > 0)
        {
            // The refresh as an operator runs it: its own process, a fresh database, peak memory sampled.
            var freshDb = Path.Combine(dir, "bench-process.db");
            var (refreshMs, refreshPeak) = await TimeProcessAsync(["index", "refresh", "--source", corpus], freshDb, ct);
            Console.WriteLine($"Whole process `index refresh` of {count:N0} articles into a new index: {refreshMs / 1000:0.0} s, peak RSS {refreshPeak / 1024.0 / 1024.0:0} MB");

            var statusRuns = new List<double>();
            var askRuns = new List<double>();
            long askPeak = 0;
            for (int i = 0; i < processRuns + 1; i++)
            {
                var (s, _) = await TimeProcessAsync(["index", "status"], db, ct);
                var (a, peak) = await TimeProcessAsync(["ask", asked[i % asked.Count]], db, ct);
                if (i == 0) continue; // first runs warm the disk cache
                statusRuns.Add(s);
                askRuns.Add(a);
                askPeak = Math.Max(askPeak, peak);
            }
            statusRuns.Sort();
            askRuns.Sort();
            Console.WriteLine($"Whole process, median of {processRuns}: `index status` {Percentile(statusRuns, 0.5):0} ms, `ask` {Percentile(askRuns, 0.5):0} ms, difference {Percentile(askRuns, 0.5) - Percentile(statusRuns, 0.5):0} ms; peak RSS of `ask` {askPeak / 1024.0 / 1024.0:0} MB");
        }

        if (temporary)
        {
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
        return 0;
    }

    private static async Task<(double Milliseconds, long PeakBytes)> TimeProcessAsync(string[] args, string db, CancellationToken ct)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var path = Environment.ProcessPath!;
        start.FileName = path;
        if (Path.GetFileNameWithoutExtension(path) == "dotnet") start.ArgumentList.Add(typeof(IndexBenchmark).Assembly.Location);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["Index__DatabasePath"] = db;
        var t = Stopwatch.GetTimestamp();
        using var process = Process.Start(start)!;
        long peak = 0;
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        while (!process.HasExited)
        {
            try
            {
                process.Refresh();
                peak = Math.Max(peak, process.PeakWorkingSet64);
            }
            catch (InvalidOperationException) { }
            await Task.Delay(5, ct);
        }
        await process.WaitForExitAsync(ct);
        double ms = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
        await output;
        var err = await error;
        if (process.ExitCode != 0) throw new InvalidOperationException($"`{string.Join(' ', args)}` exited {process.ExitCode}: {err}");
        return (ms, peak);
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
