using System.CommandLine;

namespace TalksBot.Commands;

/// <summary>
/// `bench …` moved to the bench tool (src/TalksBot.Bench), so the production binary holds production code only; this
/// verb says where, with the same arguments.
/// </summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var bench = new Command("bench", "Moved: dotnet run -c Release --project src/TalksBot.Bench -- bench <index|llm|answers> …") { TreatUnmatchedTokensAsErrors = false };
        bench.SetAction(parse =>
        {
            var rest = string.Join(' ', parse.UnmatchedTokens);
            return CommandErrors.Fail(ExitCodes.BadUsage,
                $"the benchmarks are not part of this binary; run: dotnet run -c Release --project src/TalksBot.Bench -- bench {rest}".TrimEnd());
        });
        return bench;
    }
}
