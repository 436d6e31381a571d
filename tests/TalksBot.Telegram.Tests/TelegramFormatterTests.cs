using TalksBot.Core.Answering;

namespace TalksBot.Telegram.Tests;

public class TelegramFormatterTests
{
    [Fact]
    public void Long_answers_are_split_at_4096_on_paragraph_boundaries()
    {
        var paragraph = string.Join(' ', Enumerable.Repeat("The delegations met again & agreed <nothing>.", 20));
        var text = string.Join("\n\n", Enumerable.Repeat(paragraph, 12));
        var citations = Enumerable.Range(1, 3).Select(n => new Citation(n, $"Title {n}", "Wire", $"https://wire.example/{n}", new DateOnly(2026, 2, n), "q", "d", n)).ToList();
        var parts = TelegramFormatter.Answer(new Answer(text, AnswerMode.Llm, true, citations));
        Assert.True(parts.Count >= 3);
        Assert.All(parts, p => Assert.True(p.Length <= 4096, $"{p.Length} characters"));
        var escapedParagraph = TelegramFormatter.Escape(paragraph);
        foreach (var p in parts.Take(parts.Count - 1)) Assert.All(p.Split("\n\n"), para => Assert.True(para == escapedParagraph || para.StartsWith("[") || para == "<b>Sources</b>"));
        Assert.Contains("<b>Sources</b>", parts[^1]);
        Assert.Equal(12, parts.Sum(p => p.Split("\n\n").Count(x => x == escapedParagraph)));
    }

    [Fact]
    public void A_single_huge_paragraph_is_cut_at_spaces_and_never_inside_an_entity()
    {
        var text = string.Join(' ', Enumerable.Repeat("a&b", 3000));
        var parts = TelegramFormatter.Answer(new Answer(text, AnswerMode.Extractive, true, []));
        Assert.All(parts, p => Assert.True(p.Length <= 4096));
        Assert.All(parts, p => Assert.DoesNotMatch("&(?!amp;)", p));
    }

    [Fact]
    public void A_dated_answer_shows_each_date_above_its_quote_and_the_age_of_the_news_as_its_notice()
    {
        var citations = Enumerable.Range(1, 2).Select(n => new Citation(n, $"Title {n}", "Wire", $"https://wire.example/{n}", new DateOnly(2026, 2, n), "q", "d", n)).ToList();
        const string text = "20 Feb 2026 — The talks resumed in Granvik. [1]\n10 Jan 2026 — The talks stalled in Lakeport. [2]";
        var answer = new Answer(text, AnswerMode.Extractive, true, citations) { Notice = "The newest of these reports is from 20 Feb 2026, 10 days ago." };
        var shown = TelegramFormatter.Answer(answer)[0];
        Assert.StartsWith("<i>The newest of these reports is from 20 Feb 2026, 10 days ago.</i>\n\n<b>20 Feb 2026</b>\n<blockquote>The talks resumed in Granvik. [1]</blockquote>", shown);
        Assert.Contains("<b>10 Jan 2026</b>\n<blockquote>The talks stalled in Lakeport. [2]</blockquote>", shown);
    }

    [Fact]
    public void An_extractive_answer_shows_each_sentence_as_a_quote_and_a_model_answer_does_not()
    {
        var citations = Enumerable.Range(1, 2).Select(n => new Citation(n, $"Title {n}", "Wire", $"https://wire.example/{n}", new DateOnly(2026, 2, n), "q", "d", n)).ToList();
        const string text = "The sides swapped 314 prisoners <b>at once</b>. [1] Of those freed, 139 had been held since 2022. [1][2]";
        var quoted = TelegramFormatter.Answer(new Answer(text, AnswerMode.Extractive, true, citations))[0];
        Assert.Contains("<blockquote>The sides swapped 314 prisoners &lt;b&gt;at once&lt;/b&gt;. [1]</blockquote>", quoted);
        Assert.Contains("<blockquote>Of those freed, 139 had been held since 2022. [1][2]</blockquote>", quoted);

        var written = TelegramFormatter.Answer(new Answer("The sides swapped 314 prisoners [1].", AnswerMode.Llm, true, citations))[0];
        // The model's prose is the bot's; only the excerpt under a source (the article's words) is a quote.
        Assert.StartsWith("The sides swapped 314 prisoners [1].\n\n<b>Sources</b>", written);
        Assert.DoesNotContain("<blockquote>The sides", written);
        var refused = TelegramFormatter.Answer(Answer.NotCovered())[0];
        Assert.DoesNotContain("<blockquote>", refused);
    }

    private static string WithoutTags(string html) => System.Text.RegularExpressions.Regex.Replace(html, "<[^>]*>", "");

    [Fact]
    public void A_source_address_too_long_for_a_message_is_not_linked_and_its_title_stays()
    {
        var longUrl = "https://wire.example/story?q=" + new string('x', 5000);
        var citations = new List<Citation>
        {
            new(1, "Truce talks & more", "Wire", longUrl, new DateOnly(2026, 3, 1), "q", "d", 1),
            new(2, "Second story", "Post", "https://post.example/2", new DateOnly(2026, 3, 2), "q", "d", 2),
        };
        var parts = TelegramFormatter.Answer(new Answer("The truce was extended [1][2].", AnswerMode.Llm, true, citations));
        Assert.All(parts, p => Assert.True(p.Length <= TelegramFormatter.MaxMessageLength, $"{p.Length} characters"));
        Assert.All(parts, p => Assert.Null(TelegramHtml.Problem(p)));
        var all = string.Join("\n", parts);
        Assert.Contains("[1] Truce talks &amp; more — Wire", all);
        Assert.DoesNotContain("xxxxxxxxxx", all);
        Assert.Contains("[2] <a href=\"https://post.example/2\">Second story</a> — Post", all); // a link that fits stays a link
    }

    [Fact]
    public void An_address_just_under_the_link_limit_stays_a_link_in_one_piece()
    {
        var url = "https://wire.example/" + new string('y', TelegramFormatter.MaxLinkLength - 21);
        Assert.Equal(TelegramFormatter.MaxLinkLength, url.Length);
        var text = string.Join(' ', Enumerable.Repeat("The delegations met again.", 150)); // most of a message before the sources
        var parts = TelegramFormatter.Answer(new Answer(text, AnswerMode.Llm, true, [new(1, "Title", "Wire", url, new DateOnly(2026, 3, 1), "q", "d", 1)]));
        Assert.All(parts, p => Assert.Null(TelegramHtml.Problem(p)));
        Assert.Single(parts, p => p.Contains($"<a href=\"{url}\">Title</a>"));
    }

    [Fact]
    public void A_paragraph_longer_than_a_message_is_cut_between_entities_closing_and_reopening_what_is_open()
    {
        // A quote of ~9,000 characters with entities and links inside it, and words too long to cut at a space.
        var words = Enumerable.Range(0, 900).Select(n => n % 50 == 7 ? $"<a href=\"https://x.example/{n}?a=1&amp;b=2\">link {n}</a>"
            : n % 97 == 3 ? new string('w', 300) : n % 3 == 0 ? "A&amp;B" : "talks");
        var paragraph = $"<blockquote><i>{string.Join(' ', words)}</i> [1]</blockquote>";
        var parts = TelegramFormatter.Split([paragraph]);
        Assert.True(parts.Count >= 3);
        Assert.All(parts, p => Assert.True(p.Length <= TelegramFormatter.MaxMessageLength, $"{p.Length} characters"));
        Assert.All(parts, p => Assert.Null(TelegramHtml.Problem(p)));
        Assert.All(parts, p => Assert.StartsWith("<blockquote><i>", p));
        // Every link arrives whole, and no text is lost or doubled (cuts fall on spaces or between two characters).
        foreach (var link in System.Text.RegularExpressions.Regex.Matches(paragraph, "<a [^>]*>[^<]*</a>").Select(m => m.Value))
            Assert.Single(parts, p => p.Contains(link));
        Assert.Equal(WithoutTags(paragraph).Replace(" ", ""), string.Concat(parts.Select(WithoutTags)).Replace(" ", ""));
    }
}
