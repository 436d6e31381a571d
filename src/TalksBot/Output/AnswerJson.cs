using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using TalksBot.Core.Answering;

namespace TalksBot.Output;

/// <summary>The one JSON object `ask --json` prints.</summary>
internal static class AnswerJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static JsonObject Build(string question, Answer answer)
    {
        var citations = new JsonArray();
        foreach (var c in answer.Citations)
        {
            citations.Add(new JsonObject
            {
                ["n"] = c.Number,
                ["title"] = c.Title,
                ["source"] = c.Outlet,
                ["url"] = c.Url,
                ["published"] = c.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["quote"] = c.Quote,
                ["document"] = c.Document,
            });
        }
        var json = new JsonObject
        {
            ["question"] = question,
            ["answer"] = answer.Text,
            ["mode"] = answer.Mode == AnswerMode.Llm ? "llm" : "extractive",
            ["grounded"] = answer.Grounded,
            ["citations"] = citations,
        };
        if (answer.Notice is not null) json["notice"] = answer.Notice;
        if (answer.StandaloneQuestion is not null) json["standalone_question"] = answer.StandaloneQuestion;
        return json;
    }
}
