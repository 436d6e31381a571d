using System.CommandLine;
using TalksBot.Commands;
using TalksBot.Composition;

// Host configuration (--urls, --Index:DatabasePath=…) is taken off first; every verb's host reads it.
var (verbArgs, configurationArgs) = ConfigurationArguments.Split(args);
TalksBotHost.ConfigurationArgs = configurationArgs;

// The command line is the table of contents: each verb lives in Commands/.
var root = new RootCommand("TalksBot answers questions about the Russia–Ukraine peace talks from indexed news articles, with citations.")
{
    AskCommand.Create(),
    IndexCommands.Create(),
    SourceCommands.Create(),
    FeedbackCommand.Create(),
    ExtractCommand.Create(),
    RunCommand.Create(),
    BenchCommand.Create(),
    HealthCheckCommand.Create(),
};
var parse = root.Parse(verbArgs);
if (parse.Errors.Count > 0)
{
    // Bad usage: what was wrong and where to look, exit 2 (the whole help would bury the error).
    foreach (var error in parse.Errors) Console.Error.WriteLine($"error: {error.Message}");
    var verb = CommandPath(parse.CommandResult);
    Console.Error.WriteLine($"See: talksbot {(verb.Length > 0 ? verb + " " : "")}--help");
    return ExitCodes.BadUsage;
}
return await parse.InvokeAsync();

static string CommandPath(System.CommandLine.Parsing.CommandResult? result)
{
    var names = new List<string>();
    for (var r = result; r?.Parent is not null; r = r.Parent as System.CommandLine.Parsing.CommandResult) names.Insert(0, r.Command.Name);
    return string.Join(' ', names);
}
