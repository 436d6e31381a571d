using System.CommandLine;
using TalksBot.Benchmarks;

namespace TalksBot.Commands;

/// <summary>`bench index|llm|answers`: speed, memory and quality figures for the README.</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var bench = new Command("bench", "Measure speed, memory and quality (figures for the README).");
        bench.Subcommands.Add(IndexBenchmark.Create());
        bench.Subcommands.Add(LlmBenchmark.Create());
        bench.Subcommands.Add(AnswersBenchmark.Create());
        return bench;
    }
}
