using System.CommandLine;
using TalksBot.Commands;

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
};
return await root.Parse(args).InvokeAsync();
