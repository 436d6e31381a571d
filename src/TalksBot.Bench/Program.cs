using TalksBot;
using TalksBot.Commands;
using TalksBot.Composition;

// The benchmarks and the answer evaluation, outside the production binary. They compose TalksBot through the host's
// own root and read configuration the same way (--Index:DatabasePath=… and the rest).
var (verbArgs, configurationArgs) = ConfigurationArguments.Split(args);
TalksBotHost.ConfigurationArgs = configurationArgs;
// `bench answers …` as the host used to take it, or just `answers …`.
if (verbArgs.Length > 0 && verbArgs[0] == "bench") verbArgs = verbArgs[1..];

var parse = BenchCommands.Create().Parse(verbArgs);
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors) Console.Error.WriteLine($"error: {error.Message}");
    Console.Error.WriteLine("See: TalksBot.Bench --help");
    return ExitCodes.BadUsage;
}
return await parse.InvokeAsync();
