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
using TalksBot.Embeddings.Local;
using TalksBot.Output;
using TalksBot.Testing;
using Microsoft.Data.Sqlite;

namespace TalksBot.Benchmarks;

/// <summary>
/// `bench index`: generates N articles (~550 words) as Markdown files, then measures a refresh from scratch, an
/// unchanged re-refresh, in-process retrieval + extractive answer latency, whole-process `ask` vs `index status`, and peak RSS.
/// With `--provider local` the refresh embeds with the local model: its throughput is reported beside the raw ONNX
/// Runtime throughput (tokenise + Run alone) on the same passages, with the model's load time. A bare FTS5 insert of
/// the same passages gives the floor a refresh is compared with.
/// </summary>
internal static class IndexBenchmark
{
    public static Command Create()
    {
        var articles = new Option<int>("--articles") { Description = "Articles to generate.", DefaultValueFactory = _ => 10_000 };
        var questions = new Option<int>("--questions") { Description = "In-process questions to time.", DefaultValueFactory = _ => 300 };
        var processes = new Option<int>("--process-runs") { Description = "Whole-process runs of ask and of status (0 = skip).", DefaultValueFactory = _ => 10 };
        var workdir = new Option<string?>("--dir") { Description = "Working folder (default: a new temp folder, deleted after)." };
        var provider = new Option<string>("--provider") { Description = "Embeddings:Provider for the run: none or local.", DefaultValueFactory = _ => "none" };
        provider.AcceptOnlyFromAmong("none", "local");
        var model = new Option<string>("--model") { Description = "Embeddings:Model with --provider local: minilm or arctic-xs.", DefaultValueFactory = _ => "minilm" };
        model.AcceptOnlyFromAmong("minilm", "arctic-xs");
        var raw = new Option<int>("--raw-passages") { Description = "Passages for the raw ONNX Runtime comparison (--provider local; 0 = skip).", DefaultValueFactory = _ => 2000 };
        var store = new Option<string>("--store")
        {
            Description = "Where the index lives: sqlite; postgres (a throwaway PostgreSQL cluster started and deleted by the bench, as the tests start theirs); both, side by side on the same articles.",
            DefaultValueFactory = _ => "sqlite",
        };
        store.AcceptOnlyFromAmong("sqlite", "postgres", "both");
        var binary = new Option<string?>("--binary")
        {
            Description = "The TalksBot executable timed as whole processes (default: the build output beside this tool, JIT-compiled; a published one is ReadyToRun-compiled, as shipped).",
        };
        var cmd = new Command("index", "Refresh and question speed on generated articles, and peak memory.") { articles, questions, processes, workdir, provider, model, raw, store, binary };
        cmd.SetAction((parse, ct) => RunAsync(parse.GetValue(binary), parse.GetValue(articles), parse.GetValue(questions), parse.GetValue(processes), parse.GetValue(workdir),
            parse.GetValue(provider)!, parse.GetValue(model)!, parse.GetValue(raw), parse.GetValue(store)!, ct));
        return cmd;
    }

    /// <summary>What <see cref="TimeProcessAsync"/> starts: --binary, else the build output beside this tool.</summary>
    private static string? _binary;

    private static async Task<int> RunAsync(string? binary, int count, int questionCount, int processRuns, string? dir, string provider, string model, int rawPassages, string store, CancellationToken ct)
    {
        if (binary is not null && !File.Exists(binary))
        {
            Console.Error.WriteLine($"--binary: {binary} does not exist.");
            return 2;
        }
        _binary = binary is null ? null : Path.GetFullPath(binary);
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
        // Child processes (whole-process runs) inherit these.
        Environment.SetEnvironmentVariable("Embeddings__Provider", provider);
        Environment.SetEnvironmentVariable("Embeddings__Model", model);

        var figures = new List<StoreFigures>();
        if (store is "sqlite" or "both")
        {
            if (store == "both") Environment.SetEnvironmentVariable("Index__Provider", "sqlite");
            figures.Add(await MeasureAsync(count, questionCount, processRuns, dir, db, corpus, provider, rawPassages, ct));
        }
        if (store is "postgres" or "both")
        {
            await using var server = new PostgresServer();
            Console.WriteLine();
            Console.WriteLine("Starting a throwaway PostgreSQL cluster (initdb + pg_ctl on a temporary folder; deleted at the end)");
            await server.InitializeAsync();
            Environment.SetEnvironmentVariable("Index__Provider", "postgres");
            Environment.SetEnvironmentVariable("ConnectionStrings__TalksBot", await server.CreateDatabaseAsync());
            figures.Add(await MeasureAsync(count, questionCount, processRuns, dir, db, corpus, provider, rawPassages, ct));
        }
        if (figures.Count > 1) PrintSideBySide(count, figures);

        if (temporary)
        {
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
        return 0;
    }

    /// <summary>What one store measured, for the side-by-side table of `--store both`.</summary>
    private sealed record StoreFigures(string Store, int Articles, double RefreshSeconds, double ReRefreshSeconds, double P50, double P95, double Max, int Grounded,
        double AllTermsP95, double AnyTermP95, double StatisticsP95);

    private static void PrintSideBySide(int count, IReadOnlyList<StoreFigures> figures)
    {
        Console.WriteLine();
        Console.WriteLine($"| {count:N0} articles | " + string.Join(" | ", figures.Select(f => f.Store)) + " |");
        Console.WriteLine("|---|" + string.Concat(figures.Select(_ => "---|")));
        void Row(string what, Func<StoreFigures, string> value) => Console.WriteLine($"| {what} | " + string.Join(" | ", figures.Select(value)) + " |");
        Row("refresh from scratch", f => $"{f.Articles / f.RefreshSeconds:N0} articles/s ({f.RefreshSeconds:0.0} s)");
        Row("unchanged re-refresh", f => $"{f.ReRefreshSeconds:0.00} s");
        Row("retrieval + extractive answer", f => $"p50 {f.P50:0.0} ms, p95 {f.P95:0.0} ms, max {f.Max:0.0} ms ({f.Grounded} grounded)");
        Row("bm25 all-terms / any-term / term statistics p95", f => $"{f.AllTermsP95:0.0} / {f.AnyTermP95:0.0} / {f.StatisticsP95:0.0} ms");
    }

    private static async Task<StoreFigures> MeasureAsync(int count, int questionCount, int processRuns, string dir, string db, string corpus, string provider, int rawPassages, CancellationToken ct)
    {
        // As `run` serves questions: the index holds its term postings (Index:HoldPostings; PostgreSQL always does).
        using var host = TalksBotHost.BuildForCommand(configure: s => s.PostConfigure<IndexOptions>(o => o.HoldPostings ??= true));
        var services = host.Services;
        var source = services.GetRequiredService<IArticleSourceFactory>().Create(corpus);
        var refresher = services.GetRequiredService<IndexRefresher>();
        var encoder = services.GetService<OnnxSentenceEncoder>();
        if (encoder is not null)
        {
            // Loaded before the refresh so the embedding step is timed on its own.
            encoder.Encode(["warm-up"], 1, ct);
            Console.WriteLine($"Embeddings: {encoder.Model.Id}, {encoder.Dimensions} dimensions, model load {encoder.LoadTime!.Value.TotalSeconds:0.00} s");
        }
        else
        {
            Console.WriteLine($"Embeddings: {provider}");
        }

        long embedStart = 0, embedEnd = 0;
        var embedClock = new SynchronousProgress<RefreshProgress>(p =>
        {
            if (p.Phase != "embedding") return;
            if (p.PassagesEmbedded == 0) embedStart = Stopwatch.GetTimestamp();
            embedEnd = Stopwatch.GetTimestamp();
        });
        var (allocatedBefore, pausedBefore) = (GC.GetTotalAllocatedBytes(precise: true), GC.GetTotalPauseDuration());
        int[] collectionsBefore = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        var first = await refresher.RefreshAsync([source], embedClock, ct);
        Console.WriteLine($"Refresh from scratch: {first.Added:N0} added in {first.Elapsed.TotalSeconds:0.00} s = {first.Added / first.Elapsed.TotalSeconds:N0} articles/s");
        // Garbage collection stops every thread, the index writer's too: what the refresh allocated and how long it paused.
        Console.WriteLine($"  allocated {(GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1024.0 / 1024.0:N0} MB; garbage collections gen0/1/2: "
            + $"{GC.CollectionCount(0) - collectionsBefore[0]}/{GC.CollectionCount(1) - collectionsBefore[1]}/{GC.CollectionCount(2) - collectionsBefore[2]}, paused {(GC.GetTotalPauseDuration() - pausedBefore).TotalSeconds:0.00} s");
        double embedSeconds = embedEnd > embedStart ? Stopwatch.GetElapsedTime(embedStart, embedEnd).TotalSeconds : 0;
        if (first.Embedded > 0)
        {
            Console.WriteLine($"  of which embedding: {first.Embedded:N0} passages in {embedSeconds:0.0} s = {first.Embedded / embedSeconds:0.0} passages/s");
        }
        var again = await refresher.RefreshAsync([source], null, ct);
        Console.WriteLine($"Unchanged re-refresh: {again.Unchanged:N0} unchanged, {again.Embedded:N0} passages embedded, in {again.Elapsed.TotalSeconds:0.00} s");
        // Corrected reports: their old passages are deleted, which FTS5 keeps counting in its totals. One is what a
        // scheduled refresh usually meets; 2 % of them pass the 1 % stale share, and the SQLite store writes its
        // full-text table again (SqliteFullTextRebuild) — the rebuild's cost.
        var files = Directory.EnumerateFiles(corpus, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        foreach (int changed in new[] { 1, Math.Max(2, files.Count / 50) })
        {
            foreach (var file in files.Take(changed)) await File.AppendAllTextAsync(file, "\n\nA correction was added to this report after it was first published.\n", ct);
            var change = await refresher.RefreshAsync([source], null, ct);
            Console.WriteLine($"Refresh with {changed:N0} changed article(s): {change.Updated:N0} updated, {change.Unchanged:N0} unchanged, in {change.Elapsed.TotalSeconds:0.00} s");
        }

        var status = await services.GetRequiredService<IIndexStore>().GetStatusAsync(ct);
        Console.WriteLine($"Index: {status.Articles:N0} articles, {status.Passages:N0} passages, {status.DatabaseBytes / 1024.0 / 1024.0:0.0} MB");

        var asked = SyntheticCorpus.Questions(questionCount);
        var answerer = services.GetRequiredService<QuestionAnswerer>();
        var (cold, _) = await TimeAnswersAsync(answerer, asked, ct);
        var (times, grounded) = await TimeAnswersAsync(answerer, asked, ct);
        Console.WriteLine($"In-process retrieval + extractive answer over {times.Count} questions: p50 {Percentile(times, 0.50):0.0} ms, p95 {Percentile(times, 0.95):0.0} ms, max {times[^1]:0.0} ms ({grounded} grounded)");
        // What a word costs the first time the process meets it: reading its postings (SQLite; PostgreSQL reads all at once).
        Console.WriteLine($"  the same questions the first time the process meets their words: p50 {Percentile(cold, 0.50):0.0} ms, p95 {Percentile(cold, 0.95):0.0} ms, max {cold[^1]:0.0} ms");
        bool onPostgres = string.Equals(services.GetRequiredService<Microsoft.Extensions.Options.IOptions<IndexOptions>>().Value.Provider.Trim(), "postgres", StringComparison.OrdinalIgnoreCase);
        if (!onPostgres)
        {
            // The same questions as a one-shot verb searches: FTS5 scores every matching passage itself.
            using var oneShot = TalksBotHost.BuildForCommand(configure: s => s.PostConfigure<IndexOptions>(o => o.HoldPostings = false));
            var (ftsTimes, ftsGrounded) = await TimeAnswersAsync(oneShot.Services.GetRequiredService<QuestionAnswerer>(), asked, ct);
            Console.WriteLine($"  the same with FTS5 scoring (the one-shot verbs' way, Index:HoldPostings=false): p50 {Percentile(ftsTimes, 0.50):0.0} ms, p95 {Percentile(ftsTimes, 0.95):0.0} ms, max {ftsTimes[^1]:0.0} ms ({ftsGrounded} grounded)");
        }

        // The same questions in two timed steps: what answer composition adds over retrieval alone (issue 11: < 5 ms p95).
        var (retrievalTimes, compositionTimes) = await TimeCompositionAsync(services, asked, ct);
        Console.WriteLine($"  retrieval alone over {retrievalTimes.Count} questions: p50 {Percentile(retrievalTimes, 0.50):0.00} ms, p95 {Percentile(retrievalTimes, 0.95):0.00} ms, max {retrievalTimes[^1]:0.00} ms");
        if (compositionTimes.Count > 0)
            Console.WriteLine($"  answer composition alone (extractive answer, its quotes and the sources' excerpts) over the {compositionTimes.Count} covered: p50 {Percentile(compositionTimes, 0.50):0.00} ms, p95 {Percentile(compositionTimes, 0.95):0.00} ms, max {compositionTimes[^1]:0.00} ms");

        // Where the time goes: the index's two queries, measured alone.
        var index = services.GetRequiredService<IPassageSearch>();
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

        // Index:Provider=postgres (ConnectionStrings:TalksBot): the figures above are PostgreSQL's; what follows reads the
        // SQLite file or times whole processes on fresh files, so it is for SQLite only.
        if (onPostgres)
        {
            Console.WriteLine($"Store: PostgreSQL at {status.DatabasePath}; the SQLite-only comparisons (raw ONNX Runtime on the index's passages, the bare FTS5 floor, whole-process runs on fresh files) are skipped.");
            rawPassages = 0;
            processRuns = 0;
        }
        var texts = onPostgres ? [] : await PassageTextsAsync(db, Math.Max(rawPassages, 0), ct);
        if (encoder is not null && rawPassages > 0)
        {
            // The same model and session on the first passages of this index, tokenised and run with nothing else.
            var t = Stopwatch.GetTimestamp();
            int ran;
            try
            {
                ran = encoder.RunRaw(texts, 16);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Console.WriteLine($"Raw ONNX Runtime run failed: {ex.Message}");
                ran = 0;
            }
            double rawRate = ran / Stopwatch.GetElapsedTime(t).TotalSeconds;
            if (ran > 0) Console.WriteLine($"Raw ONNX Runtime (tokenise + Run, sorted by length, runs of at most 16 inputs and {OnnxSentenceEncoder.MaxWordPiecesPerRun:N0} word pieces) on {ran:N0} passages of this index: {rawRate:0.0} passages/s"
                + (first.Embedded > 0 ? $"; the refresh's embedding step reached {first.Embedded / embedSeconds / rawRate:P0} of it" : ""));
        }
        if (!onPostgres) await BareFtsInsertAsync(db, dir, first.Added, first.Elapsed.TotalSeconds, embedded: first.Embedded > 0, ct);

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
            Console.WriteLine($"Whole process ({_binary ?? "the build output, JIT-compiled"}), median of {processRuns}: `index status` {Percentile(statusRuns, 0.5):0} ms, `ask` {Percentile(askRuns, 0.5):0} ms, difference {Percentile(askRuns, 0.5) - Percentile(statusRuns, 0.5):0} ms; peak RSS of `ask` {askPeak / 1024.0 / 1024.0:0} MB");
        }
        return new StoreFigures(onPostgres ? "PostgreSQL" : "SQLite", first.Added, first.Elapsed.TotalSeconds, again.Elapsed.TotalSeconds,
            Percentile(times, 0.50), Percentile(times, 0.95), times[^1], grounded, Percentile(searchAll, 0.95), Percentile(search, 0.95), Percentile(stats, 0.95));
    }

    /// <summary>Each question answered in process after 20 to warm up: the sorted times and how many were grounded.</summary>
    private static async Task<(List<double> Times, int Grounded)> TimeAnswersAsync(QuestionAnswerer answerer, IReadOnlyList<string> asked, CancellationToken ct)
    {
        foreach (var q in asked.Take(20)) await answerer.AnswerAsync(q, [], ct);
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
        return (times, grounded);
    }

    private static async Task<(double Milliseconds, long PeakBytes)> TimeProcessAsync(string[] args, string db, CancellationToken ct)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // The production binary: --binary, else the one beside this tool (its own launcher when there, else through dotnet).
        var host = typeof(Composition.TalksBotHost).Assembly.Location;
        var launcher = _binary ?? Path.ChangeExtension(host, OperatingSystem.IsWindows() ? ".exe" : null);
        start.FileName = File.Exists(launcher) ? launcher : "dotnet";
        if (!File.Exists(launcher)) start.ArgumentList.Add(host);
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

    /// <summary>Passage texts of the benchmark index, the first <paramref name="limit"/> (0 = all) by id.</summary>
    private static async Task<List<string>> PassageTextsAsync(string db, int limit, CancellationToken ct)
    {
        var texts = new List<string>();
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync(ct);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = limit > 0 ? "SELECT text FROM passages ORDER BY id LIMIT $k" : "SELECT text FROM passages ORDER BY id";
        cmd.Parameters.AddWithValue("$k", limit);
        using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) texts.Add(reader.GetString(0));
        return texts;
    }

    /// <summary>
    /// The floor for a refresh: every passage of the index inserted into a bare FTS5 table (default tokenizer, one
    /// transaction, nothing else), reported in articles per second for comparison with the refresh.
    /// </summary>
    private static async Task BareFtsInsertAsync(string db, string dir, int articles, double refreshSeconds, bool embedded, CancellationToken ct)
    {
        var texts = await PassageTextsAsync(db, 0, ct);
        var bare = Path.Combine(dir, "bench-bare-fts.db");
        File.Delete(bare);
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = bare, Pooling = false }.ToString()))
        {
            await connection.OpenAsync(ct);
            using (var create = connection.CreateCommand())
            {
                create.CommandText = "PRAGMA journal_mode = WAL; CREATE VIRTUAL TABLE passages USING fts5(text);";
                await create.ExecuteNonQueryAsync(ct);
            }
            var t = Stopwatch.GetTimestamp();
            using (var tx = connection.BeginTransaction())
            using (var insert = connection.CreateCommand())
            {
                insert.Transaction = tx;
                insert.CommandText = "INSERT INTO passages(text) VALUES($t)";
                var p = insert.Parameters.Add("$t", SqliteType.Text);
                foreach (var text in texts)
                {
                    p.Value = text;
                    await insert.ExecuteNonQueryAsync(ct);
                }
                tx.Commit();
            }
            var seconds = Stopwatch.GetElapsedTime(t).TotalSeconds;
            Console.WriteLine($"Bare FTS5 insert of the same {texts.Count:N0} passages: {seconds:0.00} s = {articles / seconds:N0} articles/s (the floor for a refresh)"
                + (embedded ? "" : $"; the refresh took {refreshSeconds / seconds:0.0}× this"));
        }
        File.Delete(bare);
        foreach (var f in Directory.GetFiles(dir, "bench-bare-fts.db*")) File.Delete(f);
    }

    /// <summary>
    /// Retrieval timed alone, then the composition of the answer from its result: the extractive answer and what every
    /// chat platform derives from it (its quotes, the excerpt under each source). An uncovered question has nothing to compose.
    /// </summary>
    private static async Task<(List<double> Retrieval, List<double> Composition)> TimeCompositionAsync(IServiceProvider services, IReadOnlyList<string> asked, CancellationToken ct)
    {
        var retriever = services.GetRequiredService<Core.Retrieval.PassageRetriever>();
        var writer = services.GetRequiredService<ExtractiveAnswerWriter>();
        var retrieval = new List<double>();
        var composition = new List<double>();
        foreach (var q in asked)
        {
            var t = Stopwatch.GetTimestamp();
            var result = await retriever.RetrieveAsync(q, ct);
            retrieval.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            if (!result.Covered) continue;
            t = Stopwatch.GetTimestamp();
            var answer = writer.Write(result);
            _ = QuotedSentences.Of(answer);
            _ = SourceExcerpts.Of(answer);
            composition.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }
        retrieval.Sort();
        composition.Sort();
        return (retrieval, composition);
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
