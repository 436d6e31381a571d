using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TalksBot.Core.Answering;
using TalksBot.Core.Chat;
using TalksBot.Discord.Types;
using TalksBot.Core.Indexing;
using TalksBot.Testing;
using static TalksBot.Testing.MadeUpTalksArticles;

namespace TalksBot.Discord.Tests;

/// <summary>
/// Through the fake Discord, with no language model: follow-ups answered from the channel's conversation, a reply to
/// one of the bot's messages read as a follow-up, and an extractive answer's quotes shown as quote lines ("&gt; ").
/// The index holds only <see cref="MadeUpTalksArticles"/>.
/// </summary>
public class FollowUpAndQuotesEndToEndTests
{
    private static Task<DiscordHarness> StartAsync() => DiscordHarness.StartAsync(h =>
    {
        var articles = WriteTo(Path.Combine(h.Folder, "made-up"));
        // Registered after the harness's own settings, so only the made-up articles are indexed.
        h.ConfigureServices = services => services.Configure<IndexOptions>(o => o.Sources = [articles]);
    });

    private static bool Ready(FakeDiscord d) => d.GatewayReceived.Any(p => p["op"]!.GetValue<int>() == 2) && d.Rest("PUT", "/commands").Any();

    private static async Task<JsonNode> AskAsync(DiscordHarness h, string id, string question, string channel = "400")
    {
        var interaction = FakeDiscord.SlashAsk(id, question);
        interaction["channel_id"] = channel;
        await h.Discord.DispatchAsync("INTERACTION_CREATE", interaction);
        // The answer is the edit that carries the buttons (the extractive answer comes in one edit).
        await h.Discord.WaitForAsync(d => d.Rest("PATCH", $"token-{id}/messages/@original").Any(c => c.Body?["components"] is JsonArray { Count: > 0 }));
        return h.Discord.Rest("PATCH", $"token-{id}/messages/@original").Last().Body!;
    }

    /// <summary>A message in a channel (with the mention cut out of its text when <paramref name="mentionBot"/>), answered as a reply to it.</summary>
    private static async Task<JsonNode> SayAsync(DiscordHarness h, JsonObject message)
    {
        var id = message["id"]!.GetValue<string>();
        await h.Discord.DispatchAsync("MESSAGE_CREATE", message);
        bool IsReply((string Method, string Path, JsonNode? Body) c) => c.Body?["message_reference"]?["message_id"]?.GetValue<string>() == id;
        await h.Discord.WaitForAsync(d => d.Rest("POST", "/messages").Any(IsReply));
        return h.Discord.Rest("POST", "/messages").Last(IsReply).Body!;
    }

    private static string Description(JsonNode body) => body["embeds"]![0]!["description"]!.GetValue<string>();

    private static string FirstSource(JsonNode body) => body["embeds"]![0]!["fields"]![0]!["name"]!.GetValue<string>();

    [Fact]
    public async Task A_follow_up_about_the_other_side_is_answered_from_the_channel_with_its_quotes_as_quote_lines()
    {
        await using var h = await StartAsync();
        await h.Discord.WaitForAsync(Ready);

        var first = await AskAsync(h, "9801", "Who leads Russia's delegation at the talks in Abu Dhabi?");
        var second = await AskAsync(h, "9802", "and who leads Ukraine's?");
        var alone = await AskAsync(h, "9803", "and who leads Ukraine's?", channel: "401");

        // Every line of an extractive answer is a quote line ending in its markers (escaped, so they stay text).
        Assert.All(Description(first).Split('\n'), line => Assert.Matches(@"^> .+ (\\\[\d+\\\])+$", line));
        Assert.Matches(@"^> [^\n]*Pavel Sorokin[^\n]*\\\[1\\\]\n", Description(first));
        Assert.Equal($"[1] {RussianDelegationTitle}", FirstSource(first));
        // The follow-up leads with the other side's passage, cited as [1] …
        Assert.Matches(@"^> [^\n]*Oksana Hrytsenko[^\n]*\\\[1\\\]\n", Description(second));
        Assert.Equal($"[1] {UkrainianDelegationTitle}", FirstSource(second));
        // … which the same words don't get in a channel with no conversation.
        Assert.DoesNotMatch(@"^> [^\n]*Oksana Hrytsenko", Description(alone));
        Assert.Empty(second["allowed_mentions"]!["parse"]!.AsArray());
    }

    [Fact]
    public async Task A_reply_to_an_earlier_answer_follows_up_on_that_answers_question_not_the_last_one()
    {
        await using var h = await StartAsync();
        await h.Discord.WaitForAsync(Ready);
        var when = await SayAsync(h, FakeDiscord.MessageCreate("7101", $"<@{FakeDiscord.BotUserId}> When was the prisoner exchange agreed?", "300", mentionBot: true));
        await SayAsync(h, FakeDiscord.MessageCreate("7102", $"<@{FakeDiscord.BotUserId}> Who leads Russia's delegation at the talks in Abu Dhabi?", "300", mentionBot: true));

        // The reply names the first answer's message: its question is the one followed up on, though another came since.
        var reply = FakeDiscord.MessageCreate("7103", "and where did it happen?", "300", mentionBot: false);
        var answerId = h.Discord.IdOf(when);
        reply["message_reference"] = new JsonObject { ["message_id"] = answerId, ["channel_id"] = "600", ["guild_id"] = "300" };
        reply["referenced_message"] = new JsonObject
        {
            ["id"] = answerId, ["channel_id"] = "600", ["content"] = "",
            ["author"] = new JsonObject { ["id"] = FakeDiscord.BotUserId, ["username"] = "TalksBot", ["bot"] = true },
        };
        var where = await SayAsync(h, reply);
        Assert.Matches(@"(^|\n)> [^\n]*Senkivka[^\n]*\\\[\d\\\]", Description(where));

        // The same for an answer to a slash command: its message (the interaction's original response) can be replied to.
        var slash = await AskAsync(h, "9811", "When was the prisoner exchange agreed?", channel: "402");
        await AskAsync(h, "9812", "Who leads Russia's delegation at the talks in Abu Dhabi?", channel: "402");
        var toSlash = FakeDiscord.MessageCreate("7104", "and where did it happen?", "300", mentionBot: false);
        toSlash["channel_id"] = "402";
        toSlash["referenced_message"] = new JsonObject
        {
            ["id"] = h.Discord.IdOf(slash), ["channel_id"] = "402", ["content"] = "",
            ["author"] = new JsonObject { ["id"] = FakeDiscord.BotUserId, ["username"] = "TalksBot", ["bot"] = true },
        };
        Assert.Matches(@"(^|\n)> [^\n]*Senkivka[^\n]*\\\[\d\\\]", Description(await SayAsync(h, toSlash)));
    }

    [Fact]
    public async Task A_reply_to_the_bots_message_without_a_ping_is_read_as_a_follow_up_of_the_question_before_it()
    {
        await using var h = await StartAsync();
        await h.Discord.WaitForAsync(Ready);
        var ask = FakeDiscord.MessageCreate("7001", $"<@{FakeDiscord.BotUserId}> When was the prisoner exchange agreed?", "300", mentionBot: true);
        var when = await SayAsync(h, ask);
        Assert.Contains(ExchangeAgreedTitle, when["embeds"]![0]!["fields"]!.ToJsonString());

        // A reply to the bot's answer with the reply's ping turned off: no mention, only the reference to the bot's message.
        var reply = FakeDiscord.MessageCreate("7002", "and where did it happen?", "300", mentionBot: false);
        reply["message_reference"] = new JsonObject { ["message_id"] = "3000", ["channel_id"] = "600", ["guild_id"] = "300" };
        reply["referenced_message"] = new JsonObject
        {
            ["id"] = "3000", ["channel_id"] = "600", ["content"] = "",
            ["author"] = new JsonObject { ["id"] = FakeDiscord.BotUserId, ["username"] = "TalksBot", ["bot"] = true },
        };
        var where = await SayAsync(h, reply);

        Assert.Matches(@"(^|\n)> [^\n]*Senkivka[^\n]*\\\[\d\\\]", Description(where));
        Assert.Contains(ExchangePlaceTitle, where["embeds"]![0]!["fields"]!.ToJsonString());

        // A reply to someone else's message, without a mention, is chatter: not answered. (Sent before the next
        // question: events are read in order, so once that one is answered the chatter has been passed over.)
        var chatter = FakeDiscord.MessageCreate("7003", "and where did it happen?", "300", mentionBot: false);
        chatter["referenced_message"] = new JsonObject { ["id"] = "6999", ["channel_id"] = "600", ["content"] = "", ["author"] = new JsonObject { ["id"] = "700", ["username"] = "human" } };
        await h.Discord.DispatchAsync("MESSAGE_CREATE", chatter);

        // The same words mentioning the bot in another channel, with no conversation there, say nothing about the place.
        var alone = FakeDiscord.MessageCreate("7004", $"<@{FakeDiscord.BotUserId}> and where did it happen?", "300", mentionBot: true);
        alone["channel_id"] = "601";
        Assert.DoesNotContain(ExchangePlace, Description(await SayAsync(h, alone)));
        Assert.DoesNotContain(h.Discord.Rest("POST", "/messages"), c => c.Body?["message_reference"]?["message_id"]?.GetValue<string>() == "7003");
    }

    [Fact]
    public void A_model_answers_sources_each_show_the_sentence_they_were_cited_for_as_an_escaped_quote_line_while_it_fits()
    {
        var citations = new[]
        {
            new Citation(1, "Envoys meet", "Wire", "https://wire.example/1", new DateOnly(2026, 3, 1),
                "Talks resumed on Monday. The delegation is led by Ilse **Varga** and two aides, @everyone was told.", "d1", 1),
            new Citation(2, "Kyiv's line", "Courier", "https://courier.example/2", new DateOnly(2026, 3, 2),
                "Kyiv will not discuss the districts at the first session. Nothing else was said.", "d2", 2),
        };
        var answer = new Answer("A team under Ilse Varga came with two aides [1]. Kyiv won't discuss the districts yet [2].", AnswerMode.Llm, true, citations);

        var message = Assert.Single(DiscordFormatter.Answer(new ChatAnswer("Who leads the delegation?", answer, [])));

        var fields = message.Embeds![0].Fields!;
        Assert.Equal("[Wire](<https://wire.example/1>), 2026-03-01\n> The delegation is led by Ilse \\*\\*Varga\\*\\* and two aides, @\u200beveryone was told.", fields[0].Value);
        Assert.Equal("[Courier](<https://courier.example/2>), 2026-03-02\n> Kyiv will not discuss the districts at the first session.", fields[1].Value);

        // An answer that nearly fills the embed (its description, question, ten sources with long titles and the footer): the
        // excerpts that fit are shown, in order, and none pushes a source into another message.
        var many = citations.Concat(Enumerable.Range(3, 8).Select(n => new Citation(n, new string('t', 240) + n, "Post", $"https://post.example/{n}", null, "", "d", n))).ToList();
        const string firstQuote = "\n> The delegation is led by Ilse \\*\\*Varga\\*\\* and two aides, @\u200beveryone was told.";
        static int Total(Embed e) => (e.Description?.Length ?? 0) + (e.Author?.Name.Length ?? 0) + (e.Footer?.Text.Length ?? 0) + e.Fields!.Sum(f => f.Name.Length + f.Value.Length);
        string Body(int pad) => string.Join(' ', Enumerable.Repeat("Ilse Varga leads the delegation.", 60)) + " " + new string('x', pad) + " [1] Kyiv won't discuss the districts [2].";
        var question = new string('?', 250);
        var loose = Assert.Single(DiscordFormatter.Answer(new ChatAnswer(question, answer with { Text = Body(1), Citations = many }, []))).Embeds!.Single();
        int bare = Total(loose) - loose.Fields!.Sum(f => f.Value.Contains("\n> ") ? f.Value.Length - f.Value.IndexOf("\n> ", StringComparison.Ordinal) : 0);
        var full = DiscordFormatter.Answer(new ChatAnswer(question, answer with { Text = Body(1 + DiscordFormatter.MaxTotal - bare - firstQuote.Length - 10), Citations = many }, []));
        var embed = Assert.Single(Assert.Single(full).Embeds!);
        Assert.True(Total(embed) <= DiscordFormatter.MaxTotal, $"{Total(embed)} characters");
        Assert.Equal(10, embed.Fields!.Count);
        Assert.EndsWith(firstQuote, embed.Fields[0].Value);
        Assert.Single(embed.Fields, f => f.Value.Contains("\n> "));
    }
}
