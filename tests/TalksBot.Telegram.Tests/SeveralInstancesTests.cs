using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TalksBot.Core.Conversations;
using TalksBot.Testing;

namespace TalksBot.Telegram.Tests;

/// <summary>
/// Two bot hosts on one PostgreSQL database behind one webhook URL, as behind a load balancer: Telegram's redelivery of
/// an update reaches the other instance too (here every update is delivered to both), and each is answered once.
/// </summary>
[Collection(PostgresCollection.Name)]
public class SeveralInstancesTests(PostgresServer server)
{
    private const string Secret = "s3cret_Token-1";

    [Fact]
    public async Task Two_instances_answer_each_update_delivered_to_both_exactly_once_and_share_the_rate_limit()
    {
        var connectionString = await server.CreateDatabaseAsync();
        var api = await FakeBotApi.StartAsync();
        Action<TelegramHarness> instance(string name) => x =>
        {
            x.Settings["Telegram:WebhookUrl"] = "https://bot.example/telegram/hook";
            x.Settings["Telegram:WebhookSecret"] = Secret;
            x.Settings["Telegram:InstanceName"] = name;
            x.Settings["Index:Provider"] = "postgres";
            x.Settings["ConnectionStrings:TalksBot"] = connectionString;
            x.ConfigureServices = s => s.Configure<ChatOptions>(o => o.QuestionsPerMinute = 2);
        };
        var first = await TelegramHarness.StartAsync(instance("a"), api: api);
        try
        {
            await using var second = await TelegramHarness.StartAsync(instance("b"), api: api);
            await api.WaitForAsync(a => a.Sent("setWebhook").Count() == 2);
            using var toFirst = new HttpClient { BaseAddress = first.HostAddress };
            using var toSecond = new HttpClient { BaseAddress = second.HostAddress };

            // Five chats, one update each, every update posted to both instances at once.
            var updates = new[]
            {
                (Chat: 601L, User: 71L, Text: "/help"),
                (Chat: 602L, User: 72L, Text: "What are Zelensky's preconditions?"),
                (Chat: 603L, User: 73L, Text: "What did Putin say at the press conference in Kazakhstan?"),
                (Chat: 604L, User: 74L, Text: "/help"),
                (Chat: 605L, User: 75L, Text: "What are Zelensky's preconditions?"),
            };
            long updateId = 1000;
            foreach (var u in updates)
            {
                var update = Update(++updateId, u.Chat, u.User, u.Text);
                var statuses = await Task.WhenAll(PostAsync(toFirst, update), PostAsync(toSecond, update));
                Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
            }
            await api.WaitForAsync(a => updates.All(u => a.Sent("sendMessage").Any(m => Chat(m) == u.Chat)));
            await first.DrainAsync();
            await second.DrainAsync();
            foreach (var u in updates) Assert.Single(api.Sent("sendMessage"), m => Chat(m) == u.Chat);

            // One user, three questions a minute apart by no more than the test takes, alternating instances: the
            // limit of two a minute holds across both.
            const long chat = 610, user = 80;
            var questions = new[] { "What are Zelensky's preconditions?", "What did Lavrov offer?", "What did Putin say in Kazakhstan?" };
            for (int i = 0; i < questions.Length; i++)
            {
                var update = Update(++updateId, chat, user, questions[i]);
                Assert.Equal(HttpStatusCode.OK, await PostAsync(i % 2 == 0 ? toFirst : toSecond, update));
                await api.WaitForAsync(a => a.Sent("sendMessage").Count(m => Chat(m) == chat) == i + 1);
            }
            await first.DrainAsync();
            await second.DrainAsync();
            var replies = api.Sent("sendMessage").Where(m => Chat(m) == chat).Select(m => m["text"]!.GetValue<string>()).ToList();
            Assert.Equal(3, replies.Count);
            Assert.DoesNotContain("asking faster", replies[0]);
            Assert.DoesNotContain("asking faster", replies[1]);
            Assert.Contains("asking faster than I can answer: 2 questions a minute", replies[2]);
        }
        finally
        {
            // The fake Bot API is shared: the second harness disposes it; the first only stops its host and folder.
            await first.StopAsync();
        }
    }

    private static long Chat(JsonObject message) => message["chat_id"]!.GetValue<long>();

    private static JsonObject Update(long id, long chat, long user, string text) => new()
    {
        ["update_id"] = id,
        ["message"] = FakeBotApi.Message(chat, "private", user, text, id, text.StartsWith('/') ? FakeBotApi.Command(text) : null),
    };

    private static async Task<HttpStatusCode> PostAsync(HttpClient http, JsonObject update)
    {
        using var post = new HttpRequestMessage(HttpMethod.Post, "/telegram/hook") { Content = JsonContent.Create(update) };
        post.Headers.Add("X-Telegram-Bot-Api-Secret-Token", Secret);
        return (await http.SendAsync(post)).StatusCode;
    }
}
