using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TalksBot.Core.Answering;
using TalksBot.Testing;

namespace TalksBot.Llm.Tests;

/// <summary>
/// Retrieval as the kernel plugin articles.search, offered with Llm:ToolCalling: the fake model speaks tool calls as
/// the API does, the kernel runs the search, and what the model cites from it is checked like any passage.
/// </summary>
public class ToolCallingTests
{
    private const string Question = "What are Zelensky's preconditions?";

    [Fact]
    public async Task Without_tool_calling_the_model_is_offered_no_tools()
    {
        await using var h = await LlmHarness.StartAsync();
        h.Fake.Chat = (_, _) => FakeReply.Text("Withdrawal first [1].");
        await LlmHarness.CollectAsync(h.Answerer.AskAsync(Question, [], default));
        Assert.Null(Assert.Single(h.Fake.ChatRequests)["tools"]);
    }

    [Fact]
    public async Task The_model_searches_again_and_cites_what_the_search_returned_while_an_invented_number_is_removed()
    {
        await using var h = await LlmHarness.StartAsync(x => x.Options.ToolCalling = true);
        int shown = Math.Min(h.Options.MaxPassages, (await h.Retriever.RetrieveAsync(Question, default)).Passages.Count);
        string? toolResult = null;
        h.Fake.Chat = (request, n) =>
        {
            if (n == 1) return FakeReply.Tools(new FakeToolCall("call_1", ToolName(request), new JsonObject { ["query"] = "What did Putin say about talks in Kazakhstan?" }));
            toolResult = ToolMessages(request).Single();
            int found = int.Parse(Regex.Match(toolResult, "<passage n=\"(\\d+)\"").Groups[1].Value);
            return FakeReply.Text($"Putin spoke about talks [{found}]. Kyiv signed a treaty [{shown + 40}].");
        };
        var (answer, _) = await LlmHarness.CollectAsync(h.Answerer.AskAsync(Question, [], default));

        var requests = h.Fake.ChatRequests.ToList();
        Assert.Equal(2, requests.Count);
        Assert.Equal("articles_search", ToolName(requests[0]));
        var parameters = requests[0]["tools"]![0]!["function"]!["parameters"]!["properties"]!.AsObject();
        Assert.Equal(["query", "since", "until"], parameters.Select(p => p.Key).Order());
        Assert.Equal(AnswerMode.Llm, answer.Mode);
        Assert.Equal("Putin spoke about talks [1].", answer.Text); // the invented [n] went with its claim
        var citation = Assert.Single(answer.Citations);
        Assert.Contains(citation.Quote[..Math.Min(40, citation.Quote.Length)], toolResult);
    }

    [Fact]
    public async Task A_search_window_leaves_out_articles_published_outside_it()
    {
        await using var h = await LlmHarness.StartAsync(x => x.Options.ToolCalling = true);
        string? toolResult = null;
        h.Fake.Chat = (request, n) =>
        {
            if (n == 1) return FakeReply.Tools(new FakeToolCall("call_1", ToolName(request), new JsonObject { ["query"] = "Zelensky preconditions", ["since"] = "2099-01-01" }));
            toolResult = ToolMessages(request).Single();
            return FakeReply.Text("Withdrawal first [1].");
        };
        await LlmHarness.CollectAsync(h.Answerer.AskAsync(Question, [], default));
        Assert.Equal("No passages found for that search.", toolResult);
    }

    [Fact]
    public async Task Searches_beyond_the_cap_are_refused_and_the_model_answers_from_what_it_has()
    {
        await using var h = await LlmHarness.StartAsync(x =>
        {
            x.Options.ToolCalling = true;
            x.Options.MaxSearchesPerAnswer = 2;
        });
        h.Fake.Chat = (request, _) => ToolMessages(request).Count < 3
            ? FakeReply.Tools(new FakeToolCall($"call_{ToolMessages(request).Count}", ToolName(request), new JsonObject { ["query"] = "Lavrov offer" }))
            : FakeReply.Text("Withdrawal first [1].");
        var (answer, _) = await LlmHarness.CollectAsync(h.Answerer.AskAsync(Question, [], default));

        var results = ToolMessages(h.Fake.ChatRequests.Last());
        Assert.Equal(3, results.Count);
        Assert.Contains("<passage n=", results[0]);
        Assert.Contains("<passage n=", results[1]);
        Assert.StartsWith("No more searches for this answer (at most 2)", results[2]);
        Assert.Equal(AnswerMode.Llm, answer.Mode);
        Assert.Equal("Withdrawal first [1].", answer.Text);
    }

    [Fact]
    public async Task A_model_that_keeps_calling_after_the_cap_is_stopped_and_the_answer_falls_back()
    {
        await using var h = await LlmHarness.StartAsync(x =>
        {
            x.Options.ToolCalling = true;
            x.Options.MaxSearchesPerAnswer = 1;
        });
        h.Fake.Chat = (request, n) => FakeReply.Tools(new FakeToolCall($"call_{n}", ToolName(request), new JsonObject { ["query"] = "Lavrov offer" }));
        var (answer, _) = await LlmHarness.CollectAsync(h.Answerer.AskAsync(Question, [], default));

        Assert.Equal(AnswerMode.Extractive, answer.Mode);
        Assert.NotNull(answer.Notice);
        // Bounded: two attempts, each of at most the cap plus two round trips.
        Assert.InRange(h.Fake.ChatRequests.Count, 2, 2 * (1 + 2));
    }

    private static string ToolName(JsonNode request) => request["tools"]![0]!["function"]!["name"]!.GetValue<string>();

    private static List<string> ToolMessages(JsonNode request) => request["messages"]!.AsArray()
        .Where(m => m!["role"]!.GetValue<string>() == "tool")
        .Select(m => LlmAnswerTests.Content(m!))
        .ToList();
}
