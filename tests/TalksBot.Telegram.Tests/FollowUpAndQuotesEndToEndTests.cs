using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TalksBot.Core.Answering;
using TalksBot.Testing;
using static TalksBot.Testing.MadeUpTalksArticles;

namespace TalksBot.Telegram.Tests;

/// <summary>
/// Through the fake Bot API, with no language model: follow-ups answered from the conversation, a reply to one of the
/// bot's messages read as a follow-up, and an extractive answer's quotes shown as quotes. The index holds only
/// <see cref="MadeUpTalksArticles"/>.
/// </summary>
public class FollowUpAndQuotesEndToEndTests
{
    private const long PrivateChat = 801;
    private const long OtherPrivateChat = 802;
    private const long Group = -100880;
    private const long OtherGroup = -100881;

    private static Task<TelegramHarness> StartAsync()
    {
        var folder = new TempFolder("talksbot-tg-followup-");
        WriteTo(Path.Combine(folder.Path, "articles"));
        return TelegramHarness.StartAsync(folder: folder);
    }

    private static string Text(JsonObject call) => call["text"]!.GetValue<string>();

    /// <summary>The reply to one message of a user: sent as a reply to it (the extractive answer is sent once, not edited).</summary>
    private static string? ReplyTo(FakeBotApi api, long chat, long messageId) => api.Sent("sendMessage")
        .Where(m => m["chat_id"]!.GetValue<long>() == chat && m["reply_parameters"]?["message_id"]?.GetValue<long>() == messageId)
        .Select(Text).LastOrDefault();

    private static async Task<string> AskAsync(TelegramHarness h, JsonObject message)
    {
        long chat = message["chat"]!["id"]!.GetValue<long>(), id = message["message_id"]!.GetValue<long>();
        h.Api.Enqueue(message);
        await h.Api.WaitForAsync(a => ReplyTo(a, chat, id) is not null);
        return ReplyTo(h.Api, chat, id)!;
    }

    /// <summary>The message the bot sent, as Telegram shows it inside a reply to it.</summary>
    private static JsonObject BotMessage(long chat, long id) => new()
    {
        ["message_id"] = id,
        ["from"] = new JsonObject { ["id"] = FakeBotApi.BotId, ["is_bot"] = true, ["first_name"] = "Talks", ["username"] = FakeBotApi.BotUsername },
        ["chat"] = new JsonObject { ["id"] = chat, ["type"] = "supergroup" },
        ["date"] = 1760000000,
        ["text"] = "…",
    };

    [Fact]
    public async Task A_follow_up_about_the_other_side_is_answered_from_the_conversation_with_its_quotes_in_blockquotes()
    {
        await using var h = await StartAsync();

        var first = await AskAsync(h, FakeBotApi.Message(PrivateChat, "private", 7, "Who leads Russia's delegation at the talks in Abu Dhabi?", 11));
        var second = await AskAsync(h, FakeBotApi.Message(PrivateChat, "private", 7, "and who leads Ukraine's?", 12));

        // The first answer leads with the Russian side's article: its sentence in a blockquote with its marker, and it is source [1].
        Assert.Matches(@"^<blockquote>[^<]*Pavel Sorokin[^<]*\[1\]</blockquote>", first);
        Assert.Contains($"[1] <a href=\"https://gulf-ledger.example/2026/01/kremlin-team\">{RussianDelegationTitle}</a>", first);
        // The follow-up names no delegation and no talks: only the question before it says what "Ukraine's" is about.
        // Its answer leads with the other side's passage, which is now source [1].
        Assert.Matches(@"^<blockquote>[^<]*Oksana Hrytsenko[^<]*\[1\]</blockquote>", second);
        Assert.Contains($"[1] <a href=\"https://dnipro-daily.example/news/negotiators\">{UkrainianDelegationTitle}</a>", second);
        // Outside the blockquotes are only the bot's words (the sources heading and lines), never an article's sentence.
        var outsideQuotes = Regex.Replace(second, "<blockquote>.*?</blockquote>", "", RegexOptions.Singleline);
        Assert.DoesNotContain("is led by", outsideQuotes);
        Assert.Contains("<b>Sources</b>", outsideQuotes);
        // The same words in a chat with no conversation lead with someone else who leads something of Ukraine's.
        var alone = await AskAsync(h, FakeBotApi.Message(OtherPrivateChat, "private", 9, "and who leads Ukraine's?", 13));
        Assert.DoesNotMatch(@"^<blockquote>[^<]*Oksana Hrytsenko", alone);
        Assert.All(new[] { first, second, alone }, t => Assert.Null(TelegramHtml.Problem(t)));
    }

    [Fact]
    public async Task A_reply_to_the_bots_message_in_a_group_is_read_as_a_follow_up_of_the_question_before_it()
    {
        await using var h = await StartAsync();
        const string ask = "/ask When was the prisoner exchange agreed?";
        var when = await AskAsync(h, FakeBotApi.Message(Group, "supergroup", 8, ask, 31, FakeBotApi.Command(ask)));
        Assert.Contains(ExchangeAgreedTitle, when);

        // A reply to the bot's answer, with neither a command nor a mention: addressed to the bot, and a follow-up.
        var where = await AskAsync(h, FakeBotApi.Message(Group, "supergroup", 8, "and where did it happen?", 32, replyTo: BotMessage(Group, 1001)));

        Assert.Contains(ExchangePlace, where);
        Assert.Contains(ExchangePlaceTitle, where);
        Assert.Matches(@"<blockquote>[^<]*Senkivka[^<]*\[\d\]</blockquote>", where);

        // The same words without the conversation say nothing about the place: the answer above came from the question before it.
        const string alone = "/ask and where did it happen?";
        var withoutContext = await AskAsync(h, FakeBotApi.Message(OtherGroup, "supergroup", 8, alone, 33, FakeBotApi.Command(alone)));
        Assert.DoesNotContain(ExchangePlace, withoutContext);
    }

    [Fact]
    public async Task A_reply_to_an_earlier_answer_follows_up_on_that_answers_question_not_the_last_one()
    {
        await using var h = await StartAsync();
        const string exchange = "/ask When was the prisoner exchange agreed?";
        await AskAsync(h, FakeBotApi.Message(Group, "supergroup", 8, exchange, 41, FakeBotApi.Command(exchange)));
        var exchangeAnswer = h.Api.Sent("sendMessage").Last(m => m["reply_parameters"]?["message_id"]?.GetValue<long>() == 41);
        const string delegation = "/ask Who leads Russia's delegation at the talks in Abu Dhabi?";
        await AskAsync(h, FakeBotApi.Message(Group, "supergroup", 8, delegation, 42, FakeBotApi.Command(delegation)));

        // The reply names the first answer's message: its question is the one followed up on, though another came since.
        var where = await AskAsync(h, FakeBotApi.Message(Group, "supergroup", 8, "and where did it happen?", 43,
            replyTo: BotMessage(Group, h.Api.IdOf(exchangeAnswer))));
        Assert.Contains(ExchangePlace, where);
        Assert.Matches(@"<blockquote>[^<]*Senkivka[^<]*\[\d\]</blockquote>", where);
    }

    [Fact]
    public void A_model_answers_sources_each_show_the_sentence_they_were_cited_for_as_an_escaped_quote_while_it_fits_one_message()
    {
        var citations = new[]
        {
            new Citation(1, "Envoys meet", "Wire <i>", "https://wire.example/1", new DateOnly(2026, 3, 1),
                "Talks resumed on Monday. The delegation is led by Ilse <b>Varga</b> & two aides, @everyone was told.", "d1", 1),
            new Citation(2, "Kyiv's line", "Courier", "https://courier.example/2", new DateOnly(2026, 3, 2),
                "Kyiv will not discuss the districts at the first session. Nothing else was said.", "d2", 2),
        };
        var answer = new Answer("A team under Ilse Varga came with two aides [1]. Kyiv won't discuss the districts yet [2].", AnswerMode.Llm, true, citations);

        var message = Assert.Single(TelegramFormatter.Answer(answer));

        Assert.Contains("[1] <a href=\"https://wire.example/1\">Envoys meet</a> — Wire &lt;i&gt;, 2026-03-01\n" +
            "<blockquote>The delegation is led by Ilse &lt;b&gt;Varga&lt;/b&gt; &amp; two aides, @everyone was told.</blockquote>", message);
        Assert.Contains("2026-03-02\n<blockquote>Kyiv will not discuss the districts at the first session.</blockquote>", message);
        Assert.Null(TelegramHtml.Problem(message));

        // An answer that nearly fills a message: the excerpts that fit are shown, in order, and none makes a second message.
        var firstQuote = "\n<blockquote>The delegation is led by Ilse &lt;b&gt;Varga&lt;/b&gt; &amp; two aides, @everyone was told.</blockquote>";
        string Body(int pad) => string.Join(' ', Enumerable.Repeat("Ilse Varga leads the delegation.", 100)) + " " + new string('x', pad) + " [1] Kyiv won't discuss the districts [2].";
        int bare = TelegramFormatter.Answer(answer with { Text = Body(1) })[0].Length - firstQuote.Length - "\n<blockquote>Kyiv will not discuss the districts at the first session.</blockquote>".Length;
        var full = TelegramFormatter.Answer(answer with { Text = Body(1 + TelegramFormatter.MaxMessageLength - bare - firstQuote.Length - 10) });
        var only = Assert.Single(full);
        Assert.True(only.Length <= TelegramFormatter.MaxMessageLength, $"{only.Length} characters");
        Assert.Contains(firstQuote, only);
        Assert.Equal(1, Regex.Count(only, "<blockquote>"));
    }
}
