using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace TalksBot.Telegram.Tests;

/// <summary>What TalksBot relies on in Telegram.Bot: its wire format, its JSON options and the token kept out of logs (its 429 wait switched off: see TelegramRetryTests).</summary>
public class TelegramLibraryTests
{
    private const long PrivateChat = 501;

    [Fact]
    public void Webhook_bodies_bind_only_with_the_bot_api_json_options()
    {
        var json = new JsonObject
        {
            ["update_id"] = 77,
            ["message"] = FakeBotApi.Message(PrivateChat, "private", 7, "/help", 5, FakeBotApi.Command("/help")),
        }.ToJsonString();

        // The trap: System.Text.Json's defaults bind nothing from snake_case and say so nowhere.
        var naive = JsonSerializer.Deserialize<Update>(json)!;
        Assert.Equal(UpdateType.Unknown, naive.Type);
        Assert.Null(naive.Message);

        var update = JsonSerializer.Deserialize<Update>(json, JsonBotAPI.Options)!;
        Assert.Equal(UpdateType.Message, update.Type);
        Assert.Equal(77, update.Id);
        Assert.Equal(ChatType.Private, update.Message!.Chat.Type);
        Assert.Equal(MessageEntityType.BotCommand, update.Message.Entities![0].Type);
        Assert.Equal(PrivateChat, TelegramBot.ChatOf(update));
    }

    [Fact]
    public async Task What_the_library_sends_is_the_bot_api_wire_format()
    {
        await using var h = await TelegramHarness.StartAsync();
        h.Api.Enqueue(FakeBotApi.Message(PrivateChat, "private", 7, "What are Zelensky's preconditions?", 11));
        await h.Api.WaitForAsync(a => a.Sent("sendMessage").Any(m => m["text"]!.GetValue<string>().Contains("Sources")));
        var answer = h.Api.Sent("sendMessage").Single();
        var vote = answer["reply_markup"]!["inline_keyboard"]![0]![0]!["callback_data"]!.GetValue<string>();
        h.Api.EnqueueCallback(FakeBotApi.CallbackQuery("cb-wire", 7, PrivateChat, 1001, vote));
        await h.Api.WaitForAsync(a => a.Sent("answerCallbackQuery").Any());
        await h.StopHostAsync();

        Assert.Empty(h.Api.Sent("getMe").Single()); // a method without parameters posts no body
        var poll = h.Api.Sent("getUpdates").First();
        Assert.Equal(1, poll["timeout"]!.GetValue<int>());
        Assert.Equal(["message", "callback_query"], poll["allowed_updates"]!.AsArray().Select(u => u!.GetValue<string>()));
        Assert.Contains(h.Api.Sent("getUpdates"), p => p["offset"]?.GetValue<long>() == 2); // the first update confirmed

        var typing = h.Api.Sent("sendChatAction").First();
        Assert.Equal(PrivateChat, typing["chat_id"]!.GetValue<long>());
        Assert.Equal("typing", typing["action"]!.GetValue<string>());

        Assert.Equal(PrivateChat, answer["chat_id"]!.GetValue<long>());
        Assert.Equal(11, answer["reply_parameters"]!["message_id"]!.GetValue<int>());
        Assert.True(answer["reply_parameters"]!["allow_sending_without_reply"]!.GetValue<bool>());
        Assert.True(answer["link_preview_options"]!["is_disabled"]!.GetValue<bool>());
        var buttons = answer["reply_markup"]!["inline_keyboard"]!.AsArray();
        Assert.Single(buttons); // one row
        Assert.All(buttons[0]!.AsArray(), b => Assert.Equal(["text", "callback_data"], b!.AsObject().Select(p => p.Key)));

        var press = h.Api.Sent("answerCallbackQuery").Single();
        Assert.Equal("cb-wire", press["callback_query_id"]!.GetValue<string>());
        Assert.Contains("Thanks", press["text"]!.GetValue<string>());
        Assert.Contains(h.Api.Sent("setMyCommands").Single()["commands"]!.AsArray(), c => c!["command"]!.GetValue<string>() == "ask" && c["description"] is not null);
    }

    [Fact]
    public async Task Edits_name_the_message_by_chat_and_id_and_setwebhook_carries_the_secret_and_update_types()
    {
        await using var h = await TelegramHarness.StartAsync(x =>
        {
            x.Settings["Telegram:WebhookUrl"] = "https://bot.example/telegram/hook";
            x.Settings["Telegram:WebhookSecret"] = "s3cret_Token-1";
        });
        await h.Api.WaitForAsync(a => a.Sent("setWebhook").Any());
        var set = h.Api.Sent("setWebhook").Single();
        Assert.Equal(["message", "callback_query"], set["allowed_updates"]!.AsArray().Select(u => u!.GetValue<string>()));
        Assert.Null(set["drop_pending_updates"]); // false is left out, and Telegram reads it as false

        using var http = new HttpClient();
        var client = TelegramClients.Create(Settings(h.Api), http);
        var edited = await client.EditMessageText(PrivateChat, 1234, "<b>final</b> &amp; done", ParseMode.Html);
        var edit = h.Api.Sent("editMessageText").Single();
        Assert.Equal(PrivateChat, edit["chat_id"]!.GetValue<long>());
        Assert.Equal(1234, edit["message_id"]!.GetValue<int>());
        Assert.Equal(1234, edited.Id);

        // Telegram's HTML is checked by the fake as Telegram checks it: a stray "<" is a 400, not a silent success.
        var refused = await Assert.ThrowsAsync<global::Telegram.Bot.Exceptions.ApiRequestException>(() => client.SendMessage(PrivateChat, "a <b>broken", ParseMode.Html));
        Assert.Equal(400, refused.ErrorCode);
        Assert.Contains("can't parse entities", refused.Message);
    }

    [Fact]
    public async Task Server_errors_and_refused_connections_are_retried_with_backoff_and_the_token_reaches_no_log()
    {
        await using var h = await TelegramHarness.StartAsync(x => x.LogLevel = LogLevel.Trace);
        h.Api.Fail("sendMessage", 500);
        h.Api.Fail("sendMessage", 429, retryAfter: 1);
        h.Api.Enqueue(FakeBotApi.Message(PrivateChat, "private", 7, "What are Zelensky's preconditions?", 11));
        await h.Api.WaitForAsync(a => a.Sent("sendMessage").Count() == 3, TimeSpan.FromSeconds(30));
        await h.Api.WaitForAsync(a => a.Sent("sendMessage").Any(m => m["text"]!.GetValue<string>().Contains("Sources")));
        await h.StopHostAsync();
        // The retried 500 is Debug: had the retry failed too, the update's handler would have logged it once.
        Assert.Contains(h.Logs, l => l.StartsWith("Debug") && l.Contains("sendMessage failed"));
        Assert.Contains(h.Logs, l => l.StartsWith("Warning") && l.Contains("slow down on sendMessage"));
        Assert.Contains(h.Logs, l => l.StartsWith("Trace") || l.StartsWith("Debug")); // everything was recorded, down to Trace
        Assert.DoesNotContain(h.Logs, l => l.Contains(FakeBotApi.Token) || l.Contains(FakeBotApi.Token.Split(':')[1]));

        // Nothing listens: polling fails, retries, and says why, without the URL that holds the token.
        int closedPort;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            closedPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        await using var down = await TelegramHarness.StartAsync(x =>
        {
            x.LogLevel = LogLevel.Trace;
            x.Settings["Telegram:ApiBaseUrl"] = $"http://127.0.0.1:{closedPort}";
        });
        await down.Logs.WaitForAsync(l => l.Contains("Telegram polling failed"));
        await down.StopHostAsync();
        Assert.Contains(down.Logs, l => l.Contains("Telegram getMe failed") && l.Contains("refused", StringComparison.OrdinalIgnoreCase));
        // One warning per failed poll cycle, from the poll loop: the client's retries under it are Debug.
        Assert.DoesNotContain(down.Logs, l => l.StartsWith("Warning") && l.Contains("getMe failed"));
        Assert.DoesNotContain(down.Logs, l => l.Contains(FakeBotApi.Token.Split(':')[1]));
    }

    private static TelegramOptions Settings(FakeBotApi api) => new()
    {
        BotToken = FakeBotApi.Token,
        ApiBaseUrl = api.BaseAddress.ToString(),
        PerChatIntervalMilliseconds = 1000,
        RetryBaseMilliseconds = 10,
    };
}
