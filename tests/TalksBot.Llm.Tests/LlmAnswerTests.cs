using TalksBot.Testing;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using TalksBot.Core.Answering;
using TalksBot.Core.Answering.Llm;
using TalksBot.Core.Conversations;

namespace TalksBot.Llm.Tests;

public class LlmAnswerTests
{
    private const string Question = "What are Zelensky's preconditions?";

    [Fact]
    public async Task The_request_carries_the_model_the_fenced_passages_and_the_question()
    {
        await using var h = await LlmHarness.StartAsync();
        h.Fake.Chat = (_, _) => FakeReply.Text("Zelensky wants Russian forces to withdraw ", "from all occupied territories [1].");
        var (answer, _) = await LlmHarness.CollectAsync(h.Answerer.AskAsync(Question, [], default));

        var request = Assert.Single(h.Fake.ChatRequests);
        Assert.Equal("test-model", request["model"]!.GetValue<string>());
        Assert.True(request["stream"]!.GetValue<bool>());
        var messages = request["messages"]!.AsArray();
        Assert.Equal("system", messages[0]!["role"]!.GetValue<string>());
        Assert.Contains("Answer only from the numbered passages", Content(messages[0]!));
        var user = Content(messages[1]!);
        Assert.Contains("<passage n=\"1\"", user);
        Assert.Contains("Question: What are Zelensky&#39;s preconditions?".Replace("&#39;", "'"), user);
        Assert.Contains("withdraw", user, StringComparison.OrdinalIgnoreCase);

        Assert.Equal(AnswerMode.Llm, answer.Mode);
        Assert.True(answer.Grounded);
        Assert.Equal("Zelensky wants Russian forces to withdraw from all occupied territories [1].", answer.Text);
        var citation = Assert.Single(answer.Citations);
        Assert.Equal(1, citation.Number);
        Assert.Contains("withdraw", citation.Quote);
    }

    [Fact]
    public async Task Invented_markers_disappear_with_the_claims_they_alone_supported_and_the_rest_are_renumbered_in_order_of_first_use()
    {
        await using var h = await LlmHarness.StartAsync();
        h.Fake.Chat = (_, _) => FakeReply.Text("Russia says it is ready [2]. Kyiv wants withdrawal [9]. Both sides disagree [1][2].");
        var (answer, _) = await LlmHarness.CollectAsync(h.Answerer.AskAsync("Is Russia ready for talks and what does Zelensky demand?", [], default));
        var retrieval = await h.Retriever.RetrieveAsync("Is Russia ready for talks and what does Zelensky demand?", default);
        Assert.True(retrieval.Passages.Count >= 2, $"only {retrieval.Passages.Count} passages retrieved");
        Assert.Equal("Russia says it is ready [1]. Both sides disagree [2][1].", answer.Text);
        Assert.Equal(2, answer.Citations.Count);
        Assert.Equal(retrieval.Passages[1].Hit.PassageId, answer.Citations[0].PassageId);
        Assert.Equal(retrieval.Passages[0].Hit.PassageId, answer.Citations[1].PassageId);
    }

    [Fact]
    public async Task A_reply_without_any_valid_marker_falls_back_to_the_extractive_answer_with_a_notice()
    {
        await using var h = await LlmHarness.StartAsync();
        h.Fake.Chat = (_, _) => FakeReply.Text("Zelensky demands the moon and the stars [7].");
        var (answer, _) = await LlmHarness.CollectAsync(h.Answerer.AskAsync(Question, [], default));
        Assert.Equal(AnswerMode.Extractive, answer.Mode);
        Assert.Contains("cited no source", answer.Notice);
        Assert.DoesNotContain("moon", answer.Text);
        Assert.NotEmpty(answer.Citations);
    }

    [Fact]
    public async Task NOT_COVERED_from_the_model_is_the_honest_refusal()
    {
        await using var h = await LlmHarness.StartAsync();
        h.Fake.Chat = (_, _) => FakeReply.Text("NOT_COVERED");
        var (answer, _) = await LlmHarness.CollectAsync(h.Answerer.AskAsync(Question, [], default));
        Assert.False(answer.Grounded);
        Assert.Empty(answer.Citations);
        Assert.Equal(Answer.NotCoveredText, answer.Text);
    }

    [Fact]
    public async Task The_answer_streams_as_it_is_written_and_the_last_update_carries_the_checked_citations()
    {
        await using var h = await LlmHarness.StartAsync();
        h.Fake.Chat = (_, _) => FakeReply.Text("Zelensky ", "demands ", "full withdrawal ", "[1][5].");
        var (answer, updates) = await LlmHarness.CollectAsync(h.Answerer.AskAsync(Question, [], default));
        var partials = updates.Where(u => !u.IsFinal).Select(u => u.Text).ToList();
        Assert.Equal(["Zelensky ", "Zelensky demands ", "Zelensky demands full withdrawal ", "Zelensky demands full withdrawal [1][5]."], partials);
        Assert.Equal(answer.Citations.Count, System.Text.RegularExpressions.Regex.Matches(answer.Text, @"\[\d+\]").Count);
        Assert.All(answer.Citations, c => Assert.InRange(c.Number, 1, answer.Citations.Count));
    }

    [Fact]
    public async Task A_server_error_is_retried_once_then_the_extractive_answer_says_why()
    {
        await using var h = await LlmHarness.StartAsync();
        h.Fake.Chat = (_, _) => FakeReply.Error(503);
        var (answer, _) = await LlmHarness.CollectAsync(h.Answerer.AskAsync(Question, [], default));
        Assert.Equal(2, h.Fake.ChatRequests.Count);
        Assert.Equal(AnswerMode.Extractive, answer.Mode);
        Assert.True(answer.Grounded);
        Assert.Contains("server error 503", answer.Notice);
    }

    [Fact]
    public async Task A_429_with_a_short_retry_after_is_waited_for_and_retried()
    {
        await using var h = await LlmHarness.StartAsync();
        h.Fake.Chat = (_, n) => n == 1 ? FakeReply.Error(429, "0.2") : FakeReply.Text("Withdrawal first [1].");
        var clock = Stopwatch.StartNew();
        var (answer, _) = await LlmHarness.CollectAsync(h.Answerer.AskAsync(Question, [], default));
        Assert.Equal(AnswerMode.Llm, answer.Mode);
        Assert.Equal(2, h.Fake.ChatRequests.Count);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(180), "did not wait for Retry-After");
    }

    [Fact]
    public async Task A_429_with_a_long_retry_after_falls_back_at_once()
    {
        await using var h = await LlmHarness.StartAsync();
        h.Fake.Chat = (_, _) => FakeReply.Error(429, "120");
        var (answer, _) = await LlmHarness.CollectAsync(h.Answerer.AskAsync(Question, [], default));
        Assert.Single(h.Fake.ChatRequests);
        Assert.Contains("rate limited", answer.Notice);
    }

    [Fact]
    public async Task A_model_that_does_not_answer_in_time_is_abandoned_after_the_timeout()
    {
        await using var h = await LlmHarness.StartAsync(x => x.Options.TimeoutSeconds = 1);
        h.Fake.Chat = (_, _) => FakeReply.Slow(TimeSpan.FromSeconds(10), "too late [1]");
        var clock = Stopwatch.StartNew();
        var (answer, _) = await LlmHarness.CollectAsync(h.Answerer.AskAsync(Question, [], default));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.Equal(AnswerMode.Extractive, answer.Mode);
        Assert.Contains("within 1 s", answer.Notice);
    }

    [Fact]
    public async Task A_stream_that_stalls_midway_is_abandoned_after_the_timeout()
    {
        await using var h = await LlmHarness.StartAsync(x => x.Options.TimeoutSeconds = 1);
        h.Fake.Chat = (_, _) => FakeReply.Text("Zelensky ", "demands ", "withdrawal [1].") with { ChunkDelay = TimeSpan.FromSeconds(3) };
        var (answer, updates) = await LlmHarness.CollectAsync(h.Answerer.AskAsync(Question, [], default));
        Assert.Contains(updates, u => !u.IsFinal && u.Text == "Zelensky ");
        Assert.Equal(AnswerMode.Extractive, answer.Mode);
        Assert.NotNull(answer.Notice);
    }

    [Fact]
    public async Task An_unreachable_endpoint_falls_back_with_a_notice()
    {
        await using var h = await LlmHarness.StartAsync(x => x.Options.Endpoint = $"http://127.0.0.1:{ClosedPort()}/v1");
        var (answer, _) = await LlmHarness.CollectAsync(h.Answerer.AskAsync(Question, [], default));
        Assert.Equal(AnswerMode.Extractive, answer.Mode);
        Assert.Contains("unreachable", answer.Notice);
    }

    [Fact]
    public async Task Malformed_and_empty_replies_fall_back_with_a_notice()
    {
        await using (var h = await LlmHarness.StartAsync())
        {
            h.Fake.Chat = (_, _) => FakeReply.Malformed();
            var (answer, _) = await LlmHarness.CollectAsync(h.Answerer.AskAsync(Question, [], default));
            Assert.Equal(AnswerMode.Extractive, answer.Mode);
            Assert.NotNull(answer.Notice);
            Assert.Equal(2, h.Fake.ChatRequests.Count);
        }
        await using (var h = await LlmHarness.StartAsync())
        {
            h.Fake.Chat = (_, _) => FakeReply.Text("");
            var (answer, _) = await LlmHarness.CollectAsync(h.Answerer.AskAsync(Question, [], default));
            Assert.Contains("empty reply", answer.Notice);
        }
    }

    [Fact]
    public async Task A_follow_up_is_rewritten_from_the_conversation_before_retrieval()
    {
        await using var h = await LlmHarness.StartAsync();
        h.Fake.Chat = (request, _) => request["stream"]?.GetValue<bool>() == true
            ? FakeReply.Text("Moscow wants talks on its terms [1].")
            : FakeReply.Text("What conditions does Russia set for peace talks with Ukraine?");
        await LlmHarness.CollectAsync(h.Pipeline.AskAsync(new ChatQuestion("chat:1", "user:1", Question), default));
        Assert.Single(h.Fake.ChatRequests); // English, no history: no rewrite call

        var (answer, _) = await LlmHarness.CollectAsync(h.Pipeline.AskAsync(new ChatQuestion("chat:1", "user:1", "and what about Russia's?"), default));
        var requests = h.Fake.ChatRequests.ToList();
        Assert.Equal(3, requests.Count);
        var rewrite = Content(requests[1]["messages"]!.AsArray()[0]!);
        Assert.Contains("and what about Russia's?", rewrite.Replace("&#39;", "'"));
        Assert.Contains("Zelensky", rewrite); // the earlier turn is in the rewrite prompt
        Assert.Equal("What conditions does Russia set for peace talks with Ukraine?", answer.StandaloneQuestion);
        Assert.Contains("Question: What conditions does Russia set", Content(requests[2]["messages"]!.AsArray()[1]!));
        Assert.Contains("and what about Russia", Content(requests[2]["messages"]!.AsArray()[1]!)); // language hint keeps the original
        Assert.Equal(AnswerMode.Llm, answer.Mode);

        // Another conversation has no memory of this one.
        await LlmHarness.CollectAsync(h.Pipeline.AskAsync(new ChatQuestion("chat:2", "user:1", "What did Putin say in Kazakhstan?"), default));
        Assert.Equal(4, h.Fake.ChatRequests.Count);
    }

    [Fact]
    public async Task A_question_in_another_language_is_searched_in_english_and_answered_in_its_own()
    {
        await using var h = await LlmHarness.StartAsync();
        h.Fake.Chat = (request, _) => request["stream"]?.GetValue<bool>() == true
            ? FakeReply.Text("Зеленський вимагає повного виведення російських військ [1].")
            : FakeReply.Text("What are Zelensky's preconditions for peace talks?");
        var (answer, _) = await LlmHarness.CollectAsync(h.Pipeline.AskAsync(new ChatQuestion("chat:ua", "user:ua", "Які передумови висуває Зеленський?"), default));
        var requests = h.Fake.ChatRequests.ToList();
        Assert.Equal(2, requests.Count); // a rewrite, then the answer
        Assert.Equal("What are Zelensky's preconditions for peace talks?", answer.StandaloneQuestion);
        var user = Content(requests[1]["messages"]!.AsArray()[1]!);
        Assert.Contains("Які передумови висуває Зеленський?", user); // the language hint carries the original
        Assert.Contains("withdraw", user);
        Assert.Equal(AnswerMode.Llm, answer.Mode);
        Assert.StartsWith("Зеленський", answer.Text);
        Assert.Contains("withdraw", answer.Citations[0].Quote); // citations stay as they are
    }

    internal static string Content(JsonNode message) => message["content"] switch
    {
        JsonArray parts => string.Concat(parts.Select(p => p!["text"]?.GetValue<string>())),
        JsonNode n => n.GetValue<string>(),
        _ => "",
    };

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
