using System.Diagnostics;
using System.Text.Json;
using TalksBot.Testing;

namespace TalksBot.Tests;

/// <summary>
/// The deployment path: `dotnet publish` as a self-contained single file for linux-x64, then `ask` from that file
/// alone, from a folder with nothing else in it. Slow (a full Release publish), so it is the only one; it needs the
/// runtime packs in the NuGet cache and no network.
/// </summary>
public sealed class PublishTests : IDisposable
{
    private readonly TempFolder _dir = new("talksbot-publish-");

    public void Dispose() => _dir.Dispose();

    [Fact]
    [Trait("Category", "Publish")]
    public async Task The_published_single_file_answers_from_its_shipped_samples()
    {
        if (!OperatingSystem.IsLinux() || System.Runtime.InteropServices.RuntimeInformation.OSArchitecture != System.Runtime.InteropServices.Architecture.X64) return;
        var output = Path.Combine(_dir.Path, "app");
        var project = Path.Combine(Testing.SharedData.RepositoryRoot, "src", "TalksBot", "TalksBot.csproj");
        var publish = await RunAsync("dotnet", _dir.Path, new(), "publish", project, "-c", "Release", "-r", "linux-x64", "--self-contained",
            "-p:PublishSingleFile=true", "-p:DebugType=none", "-o", output, "--nologo");
        Assert.True(publish.Code == 0, publish.Out + publish.Err);
        var binary = Path.Combine(output, "TalksBot");
        Assert.False(File.Exists(Path.Combine(output, "TalksBot.dll")), "not a single file");

        var work = Directory.CreateDirectory(Path.Combine(_dir.Path, "work")).FullName;
        var env = new Dictionary<string, string>
        {
            ["Index__DatabasePath"] = Path.Combine(work, "talksbot.db"),
            ["TALKSBOT_CONFIG"] = "", ["Llm__Endpoint"] = "", ["Telegram__BotToken"] = "", ["Discord__BotToken"] = "", ["Discord__PublicKey"] = "",
        };
        var ask = await RunAsync(binary, work, env, "ask", "What are Zelensky's preconditions?", "--json");
        Assert.True(ask.Code == 0, ask.Err);
        var answer = JsonDocument.Parse(ask.Out).RootElement;
        Assert.True(answer.GetProperty("grounded").GetBoolean());
        Assert.NotEmpty(answer.GetProperty("citations").EnumerateArray());
    }

    private static async Task<(int Code, string Out, string Err)> RunAsync(string file, string folder, Dictionary<string, string> env, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = folder };
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var (k, v) in env) start.Environment[k] = v;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish in 8 minutes");
        }
        return (process.ExitCode, await stdout, await stderr);
    }
}
