using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TalksBot.Testing;

namespace TalksBot.Telegram.Tests;

public class TelegramBotTests
{
    private const long PrivateChat = 501;
    private const long Group = -100777;

    private static string Text(JsonObject call) => call["text"]!.GetValue<string>();

    private static bool Answered(FakeBotApi api, long chat, string contains) =>
        api.Calls.Any(c => c.Method is "sendMessage" or "editMessageText" && c.Body["chat_id"]!.GetValue<long>() == chat && Text(c.Body).Contains(contains));

    [Fact]
    public async Task A_private_question_is_answered_with_cited_html_after_a_typing_indicator()
    {
        await using var h = await TelegramHarness.StartAsync();
        h.Api.Enqueue(FakeBotApi.Message(PrivateChat, "private", 7, "What are Zelensky's preconditions?", 11));
        await h.Api.WaitForAsync(a => Answered(a, PrivateChat, "Sources"));

        var methods = h.Api.Calls.Select(c => c.Method).ToList();
        Assert.True(methods.IndexOf("sendChatAction") < methods.IndexOf("sendMessage"), "typing should come first");
        var answer = h.Api.Sent("sendMessage").Single(m => m["chat_id"]!.GetValue<long>() == PrivateChat);
        Assert.Equal("html", answer["parse_mode"]!.GetValue<string>(), ignoreCase: true); // Telegram.Bot sends "Html"; the Bot API reads it either way
        Assert.Equal(11, answer["reply_parameters"]!["message_id"]!.GetValue<long>());
        Assert.Contains("withdraw", Text(answer));
        Assert.Contains("<a href=\"https://www.bbc.com/news/videos/c0erxy010y0o\">", Text(answer));
        Assert.Contains("[1]", Text(answer));
        Assert.Contains(h.Api.Calls, c => c.Method == "setMyCommands");
        Assert.Contains(h.Api.Calls, c => c.Method == "deleteWebhook");
        await h.StopHostAsync(); // a stop lets the answer in hand finish, so every log line it writes is in by now
        Assert.DoesNotContain(h.Logs, l => l.StartsWith("Error"));
    }

    [Fact]
    public async Task Votes_under_an_answer_are_inline_buttons_answered_as_callback_queries()
    {
        await using var h = await TelegramHarness.StartAsync();
        h.Api.Enqueue(FakeBotApi.Message(PrivateChat, "private", 7, "What are Zelensky's preconditions?", 13));
        await h.Api.WaitForAsync(a => Answered(a, PrivateChat, "Sources"));
        var answer = h.Api.Sent("sendMessage").Single(m => m["chat_id"]!.GetValue<long>() == PrivateChat);
        var keyboard = answer["reply_markup"]!["inline_keyboard"]![0]!.AsArray();
        Assert.Equal(["👍", "👎"], keyboard.Select(b => b!["text"]!.GetValue<string>()));
        string up = keyboard[0]!["callback_data"]!.GetValue<string>(), down = keyboard[1]!["callback_data"]!.GetValue<string>();

        async Task<string> PressAsync(string id, string data, long user = 7)
        {
            h.Api.EnqueueCallback(FakeBotApi.CallbackQuery(id, user, PrivateChat, 1001, data));
            await h.Api.WaitForAsync(a => a.Sent("answerCallbackQuery").Any(c => c["callback_query_id"]!.GetValue<string>() == id));
            return h.Api.Sent("answerCallbackQuery").Single(c => c["callback_query_id"]!.GetValue<string>() == id)["text"]!.GetValue<string>();
        }
        // Which vote counts, changes or is unknown, and what /status shows of them, is Core's (ChatFrontEndTests);
        // here: the press is answered as its callback query, a foreign button too (so the spinner stops), no message.
        Assert.Contains("Thanks", await PressAsync("cb1", up));
        Assert.Contains("Changed your vote", await PressAsync("cb2", down));
        Assert.NotNull(await PressAsync("cb3", "someone-elses-button"));
        Assert.DoesNotContain(h.Api.Sent("sendMessage"), m => m["chat_id"]!.GetValue<long>() == PrivateChat && Text(m).Contains("Thanks"));
    }

    [Fact]
    public async Task Article_and_user_text_is_escaped_in_html()
    {
        await using var h = await TelegramHarness.StartAsync();
        h.Api.Enqueue(FakeBotApi.Message(PrivateChat, "private", 7, "Was the energy truce extended?", 12));
        await h.Api.WaitForAsync(a => Answered(a, PrivateChat, "Sources"));
        var text = Text(h.Api.Sent("sendMessage").Last(m => m["chat_id"]!.GetValue<long>() == PrivateChat));
        Assert.Contains("Truce &lt;b&gt;talks&lt;/b&gt; &amp; more", text);
        Assert.Contains("Wire &lt;i&gt;", text);
        Assert.Contains("href=\"https://wire.example/truce?a=1&amp;b=&quot;2&quot;\"", text);
        Assert.DoesNotContain("<b>talks</b>", text);
    }

    [Fact]
    public async Task An_article_with_a_5000_character_address_is_answered_in_html_telegram_accepts()
    {
        var longUrl = "https://grain.example/corridor?ref=" + new string('z', 5000);
        await using var h = await TelegramHarness.StartAsync(x => File.WriteAllText(Path.Combine(x.Folder, "articles", "long-link.md"),
            $"---\ntitle: \"Grain corridor through Odesa reopened\"\nsource: \"Wire\"\nurl: \"{longUrl}\"\npublished: 2026-03-02\n---\n\n" +
            "The grain corridor through the port of Odesa was reopened on Friday, Turkish mediators said after the talks in Istanbul."));
        h.Api.Enqueue(FakeBotApi.Message(PrivateChat, "private", 7, "Was the grain corridor through Odesa reopened?", 13));
        await h.Api.WaitForAsync(a => Answered(a, PrivateChat, "Sources"));
        await h.StopHostAsync();

        // The fake Bot API refuses what Telegram would ("can't parse entities", too long): every message went through.
        var sent = h.Api.Calls.Where(c => c.Method is "sendMessage" or "editMessageText" && c.Body["chat_id"]!.GetValue<long>() == PrivateChat).Select(c => Text(c.Body)).ToList();
        Assert.All(sent, t => Assert.Null(TelegramHtml.Problem(t)));
        var answer = sent.Last(t => t.Contains("Sources"));
        Assert.Contains("Grain corridor through Odesa reopened — Wire", answer);
        Assert.DoesNotContain("zzzzzzzzzz", answer);
        Assert.DoesNotContain(h.Logs, l => l.StartsWith("Error"));
    }

    [Fact]
    public async Task In_a_group_ask_at_botname_is_answered_as_a_reply_and_chatter_is_ignored()
    {
        await using var h = await TelegramHarness.StartAsync();
        h.Api.Enqueue(FakeBotApi.Message(Group, "supergroup", 8, "anyone seen the match last night?", 20));
        h.Api.Enqueue(FakeBotApi.Message(Group, "supergroup", 8, "/ask@otherbot what is this", 21, FakeBotApi.Command("/ask@otherbot what is this")));
        var ask = $"/ask@{FakeBotApi.BotUsername} What did Putin say in Kazakhstan?";
        h.Api.Enqueue(FakeBotApi.Message(Group, "supergroup", 8, ask, 22, FakeBotApi.Command(ask)));
        await h.Api.WaitForAsync(a => Answered(a, Group, "Sources"));
        var replies = h.Api.Sent("sendMessage").Where(m => m["chat_id"]!.GetValue<long>() == Group).ToList();
        Assert.Single(replies);
        Assert.Equal(22, replies[0]["reply_parameters"]!["message_id"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_mention_or_a_reply_to_the_bot_in_a_group_is_a_question()
    {
        await using var h = await TelegramHarness.StartAsync();
        var text = $"@{FakeBotApi.BotUsername} what are Zelensky's preconditions?";
        h.Api.Enqueue(FakeBotApi.Message(Group, "group", 8, text, 30,
            [new JsonObject { ["type"] = "mention", ["offset"] = 0, ["length"] = FakeBotApi.BotUsername.Length + 1 }]));
        await h.Api.WaitForAsync(a => Answered(a, Group, "withdraw"));

        var botMessage = new JsonObject { ["message_id"] = 5, ["from"] = new JsonObject { ["id"] = FakeBotApi.BotId, ["is_bot"] = true, ["first_name"] = "Talks" }, ["chat"] = new JsonObject { ["id"] = Group, ["type"] = "group" }, ["date"] = 1 };
        h.Api.Enqueue(FakeBotApi.Message(Group, "group", 8, "Is Russia ready for talks?", 31, replyTo: botMessage));
        await h.Api.WaitForAsync(a => a.Sent("sendMessage").Any(m => m["reply_parameters"]?["message_id"]?.GetValue<long>() == 31));
    }

    [Fact]
    public async Task Refresh_is_refused_to_a_non_moderator_and_runs_for_a_moderator_with_progress()
    {
        await using var h = await TelegramHarness.StartAsync();
        h.Api.Enqueue(FakeBotApi.Message(PrivateChat, "private", 7, "/refresh", 40, FakeBotApi.Command("/refresh")));
        await h.Api.WaitForAsync(a => Answered(a, PrivateChat, "only moderators"));

        h.Api.Enqueue(FakeBotApi.Message(TelegramHarness.Moderator, "private", TelegramHarness.Moderator, "/refresh", 41, FakeBotApi.Command("/refresh")));
        await h.Api.WaitForAsync(a => Answered(a, TelegramHarness.Moderator, "Refresh finished"));
        var started = h.Api.Sent("sendMessage").Single(m => m["chat_id"]!.GetValue<long>() == TelegramHarness.Moderator);
        Assert.StartsWith("Refreshing", Text(started));
        var final = h.Api.Sent("editMessageText").Last(m => m["chat_id"]!.GetValue<long>() == TelegramHarness.Moderator);
        Assert.Contains("unchanged 3", Text(final));
    }

    [Fact]
    public async Task Group_administrators_are_moderators_when_configured()
    {
        await using var h = await TelegramHarness.StartAsync(x => x.Settings["Telegram:ChatAdminsAreModerators"] = "true");
        h.Api.ChatMemberStatus = "administrator";
        h.Api.Enqueue(FakeBotApi.Message(Group, "supergroup", 9, "/status", 50, FakeBotApi.Command("/status")));
        await h.Api.WaitForAsync(a => Answered(a, Group, "Articles: 3"));
        Assert.Contains(h.Api.Calls, c => c.Method == "getChatMember" && c.Body["user_id"]!.GetValue<long>() == 9);
    }

    [Fact]
    public async Task A_429_is_waited_out_and_the_message_sent()
    {
        await using var h = await TelegramHarness.StartAsync();
        h.Api.Fail("sendMessage", 429, retryAfter: 1);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        h.Api.Enqueue(FakeBotApi.Message(PrivateChat, "private", 7, "What are Zelensky's preconditions?", 60));
        await h.Api.WaitForAsync(a => a.Sent("sendMessage").Count() == 2);
        Assert.Equal(2, h.Api.Sent("sendMessage").Count());
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1), "retry_after was not respected");
    }

    [Fact]
    public async Task A_chat_that_blocked_the_bot_is_skipped_and_others_still_answered()
    {
        await using var h = await TelegramHarness.StartAsync();
        h.Api.Fail("sendMessage", 403);
        h.Api.Enqueue(FakeBotApi.Message(PrivateChat, "private", 7, "/help", 70, FakeBotApi.Command("/help")));
        h.Api.Enqueue(FakeBotApi.Message(PrivateChat + 1, "private", 8, "/help", 71, FakeBotApi.Command("/help")));
        await h.Api.WaitForAsync(a => Answered(a, PrivateChat + 1, "peace talks"));
        await h.Logs.WaitForAsync(l => l.Contains("blocked the bot"));
    }

    /// <summary>The first of two lives over one state folder and one fake Bot API: /help asked, its answer held at sendMessage.</summary>
    private static async Task<(FakeBotApi Api, TempFolder Folder, TelegramHarness First, TaskCompletionSource Gate)> FirstLifeWithAnAnswerOnItsWayAsync(long messageId)
    {
        var folder = new TempFolder("talksbot-tg-lives-");
        var api = await FakeBotApi.StartAsync();
        var first = await TelegramHarness.StartAsync(api: api, folder: folder);
        var gate = api.Hold("sendMessage");
        api.Enqueue(FakeBotApi.Message(PrivateChat, "private", 7, "/help", messageId, FakeBotApi.Command("/help")));
        await api.WaitForAsync(a => a.Sent("sendMessage").Any());
        return (api, folder, first, gate);
    }

    [Fact]
    public async Task A_restart_answers_nothing_twice()
    {
        var folder = new TempFolder("talksbot-tg-restart-");
        var api = await FakeBotApi.StartAsync();
        var first = await TelegramHarness.StartAsync(api: api, folder: folder);
        api.Enqueue(FakeBotApi.Message(PrivateChat, "private", 7, "/help", 80, FakeBotApi.Command("/help")));
        api.Enqueue(FakeBotApi.Message(PrivateChat + 1, "private", 8, "/help", 81, FakeBotApi.Command("/help")));
        await api.WaitForAsync(a => a.Sent("sendMessage").Count() == 2);
        await first.StopHostAsync();

        // The fake forgets confirmations and offers everything again; the new host must skip what was answered.
        api.IgnoreOffset = true;
        api.Enqueue(FakeBotApi.Message(PrivateChat + 2, "private", 9, "/help", 82, FakeBotApi.Command("/help")));
        await using var second = await TelegramHarness.StartAsync(api: api, folder: folder);
        await api.WaitForAsync(a => a.Sent("sendMessage").Any(m => m["chat_id"]!.GetValue<long>() == PrivateChat + 2));
        await second.SettleAsync();
        Assert.Equal(3, api.Sent("sendMessage").Count());
    }

    [Fact]
    public async Task A_shutdown_while_an_answer_is_being_sent_finishes_it_and_the_restart_does_not_send_it_again()
    {
        var (api, folder, first, gate) = await FirstLifeWithAnAnswerOnItsWayAsync(90);

        // The host starts stopping while the answer's request is still open; only then does Telegram respond.
        var stopping = first.StopHostAsync();
        await first.Logs.WaitForAsync(l => l.Contains("Telegram is stopping; 1 update(s) in hand"));
        gate.SetResult();
        await stopping;

        api.IgnoreOffset = true;
        await using var second = await TelegramHarness.StartAsync(api: api, folder: folder);
        await second.SettleAsync();
        Assert.Single(api.Sent("sendMessage"));
    }

    [Fact]
    public async Task A_slow_answer_in_one_chat_does_not_hold_up_another_chat()
    {
        await using var h = await TelegramHarness.StartAsync();
        var gate = h.Api.Hold("sendMessage", body => body["chat_id"]!.GetValue<long>() == PrivateChat);
        h.Api.Enqueue(FakeBotApi.Message(PrivateChat, "private", 7, "/help", 100, FakeBotApi.Command("/help")));
        await h.Api.WaitForAsync(a => a.Sent("sendMessage").Any());

        // The first chat's answer is still on its way (as a long model answer would be); the second chat is answered meanwhile.
        h.Api.Enqueue(FakeBotApi.Message(PrivateChat + 1, "private", 8, "/help", 101, FakeBotApi.Command("/help")));
        await h.Api.WaitForAsync(a => Answered(a, PrivateChat + 1, "peace talks"));
        Assert.False(gate.Task.IsCompleted);
        gate.SetResult();
    }

    [Fact]
    public async Task An_update_received_but_not_answered_before_a_crash_is_answered_after_the_restart()
    {
        var (api, folder, first, gate) = await FirstLifeWithAnAnswerOnItsWayAsync(110);
        // The update was confirmed to Telegram (the next poll asked past it), so Telegram will not offer it again.
        await api.WaitForAsync(a => a.Calls.Any(c => c.Method == "getUpdates" && c.Body["offset"]!.GetValue<long>() == 2));

        // A crash: the shutdown timeout is already over, so the answer in hand is abandoned mid-request.
        await first.App.StopAsync(new CancellationToken(canceled: true));
        await first.App.DisposeAsync();
        gate.SetResult();
        int sentBefore = api.Sent("sendMessage").Count();
        int pollsBefore = api.Calls.Count(c => c.Method == "getUpdates");

        await using var second = await TelegramHarness.StartAsync(api: api, folder: folder);
        await api.WaitForAsync(a => a.Sent("sendMessage").Count() > sentBefore);
        await second.Logs.WaitForAsync(l => l.Contains("answering 1 update(s) received before the restart"));
        var resent = api.Sent("sendMessage").Skip(sentBefore).First();
        Assert.Equal(PrivateChat, resent["chat_id"]!.GetValue<long>());
        Assert.Contains("peace talks", Text(resent));
        Assert.All(api.Calls.Where(c => c.Method == "getUpdates").Skip(pollsBefore), c => Assert.True(c.Body["offset"]!.GetValue<long>() >= 2));
    }

    [Fact]
    public async Task A_webhook_update_stored_but_not_answered_before_a_crash_is_answered_after_the_restart()
    {
        var folder = new TempFolder("talksbot-tg-hookcrash-");
        var api = await FakeBotApi.StartAsync();
        Action<TelegramHarness> webhook = x =>
        {
            x.Settings["Telegram:WebhookUrl"] = "https://bot.example/telegram/hook";
            x.Settings["Telegram:WebhookSecret"] = "s3cret_Token-1";
        };
        var first = await TelegramHarness.StartAsync(webhook, api: api, folder: folder);
        await api.WaitForAsync(a => a.Calls.Any(c => c.Method == "setWebhook"));
        var gate = api.Hold("sendMessage");
        using (var http = new HttpClient { BaseAddress = first.HostAddress })
        {
            var update = new JsonObject { ["update_id"] = 950, ["message"] = FakeBotApi.Message(PrivateChat, "private", 7, "/help", 95, FakeBotApi.Command("/help")) };
            var post = new HttpRequestMessage(HttpMethod.Post, "/telegram/hook") { Content = JsonContent.Create(update) };
            post.Headers.Add("X-Telegram-Bot-Api-Secret-Token", "s3cret_Token-1");
            Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(post)).StatusCode); // Telegram will not deliver it again
        }
        await api.WaitForAsync(a => a.Sent("sendMessage").Any());
        await first.App.StopAsync(new CancellationToken(canceled: true));
        await first.App.DisposeAsync();
        gate.SetResult();
        int sentBefore = api.Sent("sendMessage").Count();

        await using var second = await TelegramHarness.StartAsync(webhook, api: api, folder: folder);
        await api.WaitForAsync(a => a.Sent("sendMessage").Count() > sentBefore);
        await second.DrainAsync();
        var resent = api.Sent("sendMessage").Skip(sentBefore).Single();
        Assert.Equal(PrivateChat, resent["chat_id"]!.GetValue<long>());
        Assert.Contains("peace talks", Text(resent));
    }

    [Fact]
    public async Task A_corrupt_state_file_is_moved_aside_reported_once_and_telegram_answers_after_the_start()
    {
        var folder = new TempFolder("talksbot-tg-");
        var garbage = string.Concat(Enumerable.Repeat("not an SQLite file ", 1000));
        File.WriteAllText(Path.Combine(folder.Path, "talksbot.state.db"), garbage);
        await using var h = await TelegramHarness.StartAsync(folder: folder);
        h.Api.Enqueue(FakeBotApi.Message(PrivateChat, "private", 7, "What are Zelensky's preconditions?", 11));
        await h.Api.WaitForAsync(a => Answered(a, PrivateChat, "Sources"));

        // Polling runs (not getMe/deleteWebhook over and over), and health sees Telegram connected because it is.
        Assert.Single(h.Api.Calls, c => c.Method == "getMe");
        Assert.Single(h.Api.Calls, c => c.Method == "deleteWebhook");
        var board = h.App.Services.GetRequiredService<TalksBot.Core.Health.PlatformStatusBoard>();
        Assert.Equal(TalksBot.Core.Health.PlatformState.Connected, board.Get(TelegramBot.Platform)!.State);
        await h.StopHostAsync();
        var aside = Assert.Single(Directory.GetFiles(folder.Path, "talksbot.state.db.corrupt-*"));
        Assert.Equal(garbage, File.ReadAllText(aside));
        Assert.Single(h.Logs, l => l.StartsWith("Error") && l.Contains("moved aside"));
        Assert.DoesNotContain(h.Logs, l => l.StartsWith("Warning: Telegram polling failed"));
    }

    [Fact]
    public async Task A_state_store_that_keeps_failing_is_retried_without_introducing_the_bot_again_and_readiness_says_so()
    {
        await using var h = await TelegramHarness.StartAsync(x => x.ConfigureServices = s => s.AddSingleton<TalksBot.Core.Indexing.IStateStore>(new FailingStateStore()));
        await h.Logs.WaitForAsync(l => l.StartsWith("Warning: Telegram polling failed") && l.Contains("disk I/O error"));
        int failures = h.Logs.Count(l => l.StartsWith("Warning: Telegram polling failed"));
        await h.Logs.WaitForAsync(_ => h.Logs.Count(l => l.StartsWith("Warning: Telegram polling failed")) >= failures + 2);
        Assert.Single(h.Api.Calls, c => c.Method == "getMe");
        Assert.Single(h.Api.Calls, c => c.Method == "deleteWebhook");
        var status = h.App.Services.GetRequiredService<TalksBot.Core.Health.PlatformStatusBoard>().Get(TelegramBot.Platform)!;
        Assert.Equal(TalksBot.Core.Health.PlatformState.Retrying, status.State);
        Assert.Contains("disk I/O error", status.Reason);
    }

    private sealed class FailingStateStore : TalksBot.Core.Indexing.IStateStore
    {
        public Task<string?> GetAsync(string key, CancellationToken cancellationToken) => throw new IOException("disk I/O error");

        public Task SetAsync(string key, string? value, CancellationToken cancellationToken) => throw new IOException("disk I/O error");
    }

    [Fact]
    public async Task A_rejected_token_stops_telegram_with_one_log_line_and_the_host_keeps_running()
    {
        await using var h = await TelegramHarness.StartAsync(x => x.Settings["Telegram:BotToken"] = "1:wrong-token");
        await h.Api.WaitForAsync(a => a.Calls.Any(c => c.Method == "getMe"));
        await h.Logs.WaitForAsync(l => l.StartsWith("Critical"));
        Assert.Single(h.Logs, l => l.StartsWith("Critical") && l.Contains("Telegram:BotToken"));
        Assert.DoesNotContain(h.Logs, l => l.Contains("wrong-token"));
        using var http = new HttpClient();
        Assert.False(h.App.Lifetime.ApplicationStopping.IsCancellationRequested);
        Assert.Single(h.Api.Calls); // no retries against a bad token
    }

    [Fact]
    public async Task Webhook_requests_without_the_secret_are_refused_and_with_it_answered()
    {
        await using var h = await TelegramHarness.StartAsync(x =>
        {
            x.Settings["Telegram:WebhookUrl"] = "https://bot.example/telegram/hook";
            x.Settings["Telegram:WebhookSecret"] = "s3cret_Token-1";
        });
        await h.Api.WaitForAsync(a => a.Calls.Any(c => c.Method == "setWebhook"));
        var set = h.Api.Sent("setWebhook").Single();
        Assert.Equal("s3cret_Token-1", set["secret_token"]!.GetValue<string>());
        Assert.Equal("https://bot.example/telegram/hook", set["url"]!.GetValue<string>());

        using var http = new HttpClient { BaseAddress = h.HostAddress };
        var update = new JsonObject { ["update_id"] = 900, ["message"] = FakeBotApi.Message(PrivateChat, "private", 7, "/help", 90, FakeBotApi.Command("/help")) };
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.PostAsJsonAsync("/telegram/hook", update)).StatusCode);
        var forged = new HttpRequestMessage(HttpMethod.Post, "/telegram/hook") { Content = JsonContent.Create(update) };
        forged.Headers.Add("X-Telegram-Bot-Api-Secret-Token", "wrong");
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(forged)).StatusCode);
        Assert.Empty(h.Api.Sent("sendMessage"));

        for (int i = 0; i < 2; i++) // Telegram retries: the same update twice is answered once
        {
            var good = new HttpRequestMessage(HttpMethod.Post, "/telegram/hook") { Content = JsonContent.Create(update) };
            good.Headers.Add("X-Telegram-Bot-Api-Secret-Token", "s3cret_Token-1");
            Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(good)).StatusCode);
        }
        await h.Api.WaitForAsync(a => Answered(a, PrivateChat, "peace talks"));
        await h.DrainAsync();
        Assert.Single(h.Api.Sent("sendMessage"));
        Assert.DoesNotContain(h.Api.Calls, c => c.Method == "getUpdates");
    }
}
