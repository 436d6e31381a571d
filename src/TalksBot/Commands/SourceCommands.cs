using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using TalksBot.Composition;
using TalksBot.Core.Conversations;
using TalksBot.Core.Moderation;
using TalksBot.Core.Sources;

namespace TalksBot.Commands;

/// <summary>`source add|remove|list`: sources stored in the index beside those from configuration.</summary>
internal static class SourceCommands
{
    public static Command Create()
    {
        var source = new Command("source", "Manage the sources the index reads (beside Index:Sources).");

        var kind = new Option<string?>("--kind") { Description = "folder, feed or page (default: detect)." };
        kind.AcceptOnlyFromAmong("folder", "feed", "page");
        var addLocation = new Argument<string>("url-or-path") { Description = "A folder, an RSS/Atom feed URL or an article URL." };
        var add = new Command("add", "Add a source; the next refresh reads it.") { addLocation, kind };
        add.SetAction((parse, ct) => CommandErrors.RunAsync(async () =>
        {
            using var host = TalksBotHost.BuildForCommand();
            var location = IndexOptionsPaths.ResolveFolder(parse.GetValue(addLocation)!);
            if (IndexCommands.IsMissingPath(location))
            {
                return CommandErrors.Fail(ExitCodes.SourceMissing, $"source folder not found: {location}; nothing was added.");
            }
            var added = await host.Services.GetRequiredService<SourceCatalog>().AddAsync(location, parse.GetValue(kind), ct);
            var shown = UrlSecrets.Hide(location);
            Console.WriteLine(added ? $"Added {shown}; the next refresh reads it." : $"{shown} is already a source.");
            return ExitCodes.Ok;
        }));

        var removeLocation = new Argument<string>("url-or-path") { Description = "A source added with `source add` (or given once to `index refresh --source`)." };
        var remove = new Command("remove", "Remove an added source (or one given to a refresh) and its articles.") { removeLocation };
        remove.SetAction((parse, ct) => CommandErrors.RunAsync(async () =>
        {
            using var host = TalksBotHost.BuildForCommand();
            var location = parse.GetValue(removeLocation)!;
            var removed = await host.Services.GetRequiredService<SourceCatalog>().RemoveAsync(location, ct);
            if (removed)
            {
                Console.WriteLine($"Removed {UrlSecrets.Hide(location)} and its articles.");
                return ExitCodes.Ok;
            }
            return CommandErrors.Fail(ExitCodes.Failed, $"{UrlSecrets.Hide(location)} is not an added source (sources from configuration are removed in appsettings.json).");
        }));

        var list = new Command("list", "List sources with article counts, last success and last error.");
        list.SetAction((parse, ct) => CommandErrors.RunAsync(async () =>
        {
            using var host = TalksBotHost.BuildForCommand();
            Console.WriteLine(ChatTexts.Sources(await host.Services.GetRequiredService<SourceCatalog>().ListAsync(ct)));
            return ExitCodes.Ok;
        }));

        source.Subcommands.Add(add);
        source.Subcommands.Add(remove);
        source.Subcommands.Add(list);
        return source;
    }
}
