using System.CommandLine;
using TalksBot.Benchmarks;

namespace TalksBot;

/// <summary>`bench index|llm|answers`: speed, memory and quality figures for the README.</summary>
internal static class BenchCommands
{
    public static RootCommand Create()
    {
        var bench = new RootCommand("Measure speed, memory and quality (figures for the README).");
        bench.Subcommands.Add(IndexBenchmark.Create());
        bench.Subcommands.Add(LlmBenchmark.Create());
        bench.Subcommands.Add(AnswersBenchmark.Create());
        return bench;
    }
}
