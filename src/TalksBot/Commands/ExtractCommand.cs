using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TalksBot.Composition;
using TalksBot.Output;
using TalksBot.Sources;

namespace TalksBot.Commands;

/// <summary>`extract url-or-path [--json]`: what TalksBot would index from one page, for checking a source before adding it.</summary>
internal static class ExtractCommand
{
    public static Command Create()
    {
        var location = new Argument<string>("url-or-path") { Description = "An article URL or a local .html/.md/.txt file." };
        var json = new Option<bool>("--json") { Description = "Print {title, source, published, url, byline, body}." };
        var extract = new Command("extract", "Show what would be indexed from one page.") { location, json };
        extract.SetAction((parse, ct) => CommandErrors.RunAsync(async () =>
        {
            using var host = TalksBotHost.BuildForCommand();
            var target = parse.GetValue(location)!;
            if (!Uri.TryCreate(target, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                target = Path.GetFullPath(target);
                if (!File.Exists(target)) return CommandErrors.Fail(ExitCodes.SourceMissing, $"file not found: {target}");
            }
            var article = await host.Services.GetRequiredService<SingleArticleExtractor>().ExtractAsync(target, ct);
            var published = article.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (parse.GetValue(json))
            {
                var obj = new JsonObject
                {
                    ["title"] = article.Title,
                    ["source"] = article.Outlet,
                    ["published"] = published,
                    ["url"] = article.Url,
                    ["byline"] = article.Byline,
                    ["body"] = article.Body,
                };
                Console.WriteLine(obj.ToJsonString(AnswerJson.Options));
            }
            else
            {
                Console.WriteLine($"Title:     {article.Title}");
                Console.WriteLine($"Outlet:    {article.Outlet}");
                Console.WriteLine($"Published: {published ?? "unknown"}");
                Console.WriteLine($"URL:       {article.Url ?? "none"}");
                Console.WriteLine($"Byline:    {article.Byline ?? "none"}");
                Console.WriteLine();
                Console.WriteLine(article.Body);
            }
            return ExitCodes.Ok;
        }));
        return extract;
    }
}
