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
        if (answer.Grounding is { } g)
        {
            var grounding = new JsonObject
            {
                ["covered"] = g.Covered,
                ["focus_held"] = new JsonArray([.. g.HeldFocus.Select(t => (JsonNode?)t)]),
                ["focus_missing"] = new JsonArray([.. g.MissingFocus.Select(t => (JsonNode?)t)]),
                ["unknown_words"] = new JsonArray([.. g.UnknownWords.Select(t => (JsonNode?)t)]),
            };
            if (g.Reason is not null) grounding["reason"] = g.Reason;
            if (g.Corrections.Count > 0)
            {
                var corrections = new JsonObject();
                foreach (var (typed, term) in g.Corrections) corrections[typed] = term;
                grounding["corrections"] = corrections;
            }
            if (g.Similarity is { } sim) grounding["similarity"] = Math.Round(sim, 3);
            json["grounding"] = grounding;
        }
        return json;
    }
}
