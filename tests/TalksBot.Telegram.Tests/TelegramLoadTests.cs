using System.Collections.Concurrent;
using System.Diagnostics;
using TalksBot.Testing;
using Xunit.Abstractions;

namespace TalksBot.Telegram.Tests;

public class TelegramLoadTests(ITestOutputHelper output)
{
    [Fact]
    public async Task An_llm_answer_grows_in_place_and_the_last_edit_carries_the_sources()
    {
        await using var model = await FakeOpenAiServer.StartAsync();
        model.Chat = (_, _) => FakeReply.Text("Zelensky ", "demands ", "a full withdrawal ", "of Russian forces [1].") with { ChunkDelay = TimeSpan.FromMilliseconds(150) };
        await using var h = await TelegramHarness.StartAsync(x =>
        {
            x.Settings["Llm:Endpoint"] = model.Endpoint.ToString();
            x.Settings["Llm:Model"] = "m";
            x.Settings["Llm:PromptsPath"] = Path.Combine(SharedData.RepositoryRoot, "prompts");
        });
        h.Api.Enqueue(FakeBotApi.Message(501, "private", 7, "What are Zelensky's preconditions?", 11));
        await h.Api.WaitForAsync(a => a.Sent("editMessageText").Any(m => m["text"]!.GetValue<string>().Contains("Sources")));
        var draft = Assert.Single(h.Api.Sent("sendMessage"));
        Assert.StartsWith("Zelensky", draft["text"]!.GetValue<string>());
        Assert.DoesNotContain("Sources", draft["text"]!.GetValue<string>());
        var edits = h.Api.Sent("editMessageText").ToList();
        Assert.All(edits, e => Assert.Equal(draft["chat_id"]!.GetValue<long>(), e["chat_id"]!.GetValue<long>()));
        Assert.Equal("Zelensky demands a full withdrawal of Russian forces [1].", edits[^1]["text"]!.GetValue<string>().Split("\n\n")[0]);
    }

    [Fact]
    public async Task Two_hundred_questions_from_forty_chats_are_answered_once_within_the_flood_limits()
    {
        await using var h = await TelegramHarness.StartAsync(x =>
        {
            // The real limits: 1 message/s per chat, 30/s overall.
            x.Settings["Telegram:PerChatIntervalMilliseconds"] = "1000";
            x.Settings["Telegram:GlobalPerSecond"] = "30";
        });
        var arrived = new ConcurrentDictionary<long, long>();
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < 200; i++)
        {
            long chat = 1000 + i % 40;
            h.Api.Enqueue(FakeBotApi.Message(chat, "private", chat, "What are Zelensky's preconditions?", 10_000 + i));
        }
        long enqueuedAt = clock.ElapsedMilliseconds;
        await h.Api.WaitForAsync(a => a.Sent("sendMessage").Count() >= 200, TimeSpan.FromSeconds(60));
        var seconds = clock.Elapsed.TotalSeconds;

        var sends = h.Api.Calls.Where(c => c.Method == "sendMessage").Select(c => c.Body).ToList();
        Assert.Equal(200, sends.Count);
        Assert.Equal(200, sends.Select(s => s["reply_parameters"]!["message_id"]!.GetValue<long>()).Distinct().Count());
        output.WriteLine($"200 questions from 40 chats answered once each in {seconds:0.0} s (floors: 4 s from 1 message/s per chat, about 6 s from 30/s overall)");
        Assert.True(seconds >= 4.0, "answers to one chat came faster than one a second");
    }

    [Fact]
    [Trait("Category", "Bench")]
    public async Task Typing_is_shown_soon_after_an_update_arrives()
    {
        await using var h = await TelegramHarness.StartAsync();
        // Measured from the moment the bot is polling: its start-up calls (getMe, setMyCommands, deleteWebhook) are not update latency.
        await h.Api.WaitForAsync(a => a.Calls.Any(c => c.Method == "getUpdates"));
        var latencies = new List<double>();
        for (int i = 0; i < 20; i++)
        {
            int before = h.Api.Calls.Count(c => c.Method == "sendChatAction");
            var clock = Stopwatch.StartNew();
            h.Api.Enqueue(FakeBotApi.Message(2000 + i, "private", 7, "What are Zelensky's preconditions?", 20_000 + i));
            await h.Api.WaitForAsync(a => a.Calls.Count(c => c.Method == "sendChatAction") > before);
            latencies.Add(clock.Elapsed.TotalMilliseconds);
        }
        var first = latencies[0];
        latencies.Sort();
        output.WriteLine($"typing shown after an update: p50 {latencies[10]:0} ms, max {latencies[^1]:0} ms, the first one {first:0} ms " +
            "(each includes the fake's long-poll wake-up and this test's 20 ms polling of the fake)");
        Assert.True(latencies[18] < 1000, $"p95 {latencies[18]:0} ms");
    }
}
