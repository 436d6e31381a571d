using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TalksBot.Composition;
using TalksBot.Core.Answering;
using TalksBot.Core.Conversations;
using TalksBot.Core.Feedback;
using TalksBot.Output;

namespace TalksBot.Commands;

/// <summary>`feedback [--json] [--latest N]`: the 👍/👎 chat users gave the answers, with the latest 👎 and their questions.</summary>
internal static class FeedbackCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON object: up, down, latest_down[]." };
        var latest = new Option<int>("--latest") { Description = "How many of the latest 👎 to list (default 10).", DefaultValueFactory = _ => 10 };
        latest.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 0 or > 1000) r.AddError("--latest takes 0 to 1000.");
        });
        var feedback = new Command("feedback", "Show the 👍/👎 votes on chat answers and the latest 👎 with their questions.") { json, latest };
        feedback.SetAction((parse, ct) => CommandErrors.RunAsync(async () =>
        {
            using var host = TalksBotHost.BuildForCommand();
            var summary = await host.Services.GetRequiredService<IFeedbackStore>().SummarizeAsync(parse.GetValue(latest), ct);
            Console.WriteLine(parse.GetValue(json) ? Json(summary).ToJsonString(AnswerJson.Options) : ChatTexts.Feedback(summary));
            return ExitCodes.Ok;
        }));
        return feedback;
    }

    private static JsonObject Json(FeedbackSummary summary)
    {
        var down = new JsonArray();
        foreach (var v in summary.LatestDown)
        {
            down.Add(new JsonObject
            {
                ["answer_id"] = v.AnswerId,
                ["question"] = v.Question,
                ["mode"] = v.Mode == AnswerMode.Llm ? "llm" : "extractive",
                ["grounded"] = v.Grounded,
                ["citations"] = v.Citations,
                ["at"] = v.At.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            });
        }
        return new JsonObject { ["up"] = summary.Up, ["down"] = summary.Down, ["latest_down"] = down };
    }
}
