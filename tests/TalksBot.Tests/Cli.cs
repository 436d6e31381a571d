using System.Diagnostics;
using System.Text;
using TalksBot.Testing;

namespace TalksBot.Tests;

/// <summary>Runs the real TalksBot binary as a child process with its own index and configuration.</summary>
public sealed class Cli : IDisposable
{
    private readonly TempFolder _folder = new("talksbot-cli-", Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools);

    public Cli()
    {
        DatabasePath = Path.Combine(Folder, "index", "talksbot.db");
        Environment["Index__DatabasePath"] = DatabasePath;
        // Isolate from any appsettings.json in the current folder and from a configured model or bot.
        Environment["TALKSBOT_CONFIG"] = "";
        Environment["Llm__Endpoint"] = "";
        Environment["Telegram__BotToken"] = "";
        Environment["Discord__BotToken"] = "";
        Environment["Discord__PublicKey"] = "";
        // A child process cannot share the test run's embedding cache, and embedding the real corpora for real in
        // every test would take minutes: keyword search unless a test opts in with WithLocalEmbeddings().
        Environment["Embeddings__Provider"] = "none";
    }

    /// <summary>The default product configuration: the local model embeds (keep the corpus small, e.g. the samples).</summary>
    public Cli WithLocalEmbeddings(string model = "minilm")
    {
        Environment["Embeddings__Provider"] = "local";
        Environment["Embeddings__Model"] = model;
        return this;
    }

    public string Folder => _folder.Path;
    public string DatabasePath { get; }
    public Dictionary<string, string> Environment { get; } = new();

    public static string Dll => Beside("TalksBot.dll");

    /// <summary>The bench tool (benchmarks and the answer evaluation), outside the production binary.</summary>
    public static string BenchDll => Beside("TalksBot.Bench.dll");

    private static string Beside(string file)
    {
        var path = Path.Combine(AppContext.BaseDirectory, file);
        if (!File.Exists(path)) throw new InvalidOperationException($"{file} was not built next to the tests ({path}).");
        return path;
    }

    public Cli WithSources(params string[] sources)
    {
        foreach (var key in Environment.Keys.Where(k => k.StartsWith("Index__Sources__")).ToList()) Environment.Remove(key);
        for (int i = 0; i < sources.Length; i++) Environment[$"Index__Sources__{i}"] = sources[i];
        // No sources at all: blank out the sample corpus configured beside the binary.
        if (sources.Length == 0) Environment["Index__Sources__0"] = "";
        return this;
    }

    public Process Start(params string[] args) => StartDll(Dll, args);

    private Process StartDll(string dll, string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = Folder,
            StandardOutputEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(dll);
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var (k, v) in Environment) start.Environment[k] = v;
        return Process.Start(start)!;
    }

    public Task<(int ExitCode, string Out, string Err)> RunAsync(params string[] args) => RunDllAsync(Dll, args);

    public Task<(int ExitCode, string Out, string Err)> RunBenchAsync(params string[] args) => RunDllAsync(BenchDll, args);

    private async Task<(int ExitCode, string Out, string Err)> RunDllAsync(string dll, string[] args)
    {
        using var process = StartDll(dll, args);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"talksbot {string.Join(' ', args)} did not finish in 2 minutes");
        }
        return (process.ExitCode, await output, await error);
    }

    public void Dispose() => _folder.Dispose();
}
