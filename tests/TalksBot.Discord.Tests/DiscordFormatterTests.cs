using TalksBot.Core.Answering;
using TalksBot.Core.Chat;
using TalksBot.Core.Feedback;

namespace TalksBot.Discord.Tests;

public class DiscordFormatterTests
{
    [Fact]
    public void Long_answers_and_many_sources_are_split_into_messages_within_discords_limits()
    {
        var text = string.Join("\n\n", Enumerable.Repeat(string.Join(' ', Enumerable.Repeat("Talks resumed in Geneva on Tuesday.", 30)), 8));
        var citations = Enumerable.Range(1, 40).Select(n => new Citation(n, new string('T', 300) + n, "Wire", $"https://wire.example/{n}", new DateOnly(2026, 2, 1), "q", "d", n)).ToList();
        var question = string.Join(' ', Enumerable.Repeat("What was agreed in Geneva?", 40));
        var messages = DiscordFormatter.Answer(new ChatAnswer(question, new Answer(text, AnswerMode.Llm, true, citations), FeedbackButtons.For("abc123")));
        Assert.True(messages.Count >= 3);
        foreach (var m in messages)
        {
            Assert.True(m.Content!.Length <= DiscordFormatter.MaxContent);
            Assert.Empty(m.AllowedMentions.Parse);
            var e = Assert.Single(m.Embeds!);
            Assert.True((e.Description?.Length ?? 0) <= DiscordFormatter.MaxDescription);
            Assert.True((e.Fields?.Count ?? 0) <= DiscordFormatter.MaxFields);
            Assert.All(e.Fields ?? [], f => Assert.True(f.Name.Length <= 256 && f.Value.Length <= 1024));
            Assert.True((e.Author?.Name.Length ?? 0) <= DiscordFormatter.MaxAuthor);
            int total = (e.Author?.Name.Length ?? 0) + (e.Description?.Length ?? 0) + (e.Fields ?? []).Sum(f => f.Name.Length + f.Value.Length) + (e.Footer?.Text.Length ?? 0);
            Assert.True(total <= DiscordFormatter.MaxTotal, $"{total} characters in one embed");
        }
        Assert.Equal(40, messages.Sum(m => m.Embeds![0].Fields?.Count ?? 0));
        Assert.StartsWith("❓ What was agreed in Geneva?", messages[0].Embeds![0].Author!.Name);
        // The votes go under the last message only, as one row of two buttons.
        Assert.All(messages.Take(messages.Count - 1), m => Assert.Null(m.Components));
        var row = Assert.Single(messages[^1].Components!);
        Assert.Equal(["fb:up:abc123", "fb:down:abc123"], row.Components!.Select(b => b.CustomId));
        Assert.Equal(Enumerable.Range(1, 40), messages.SelectMany(m => m.Embeds![0].Fields ?? []).Select(f => int.Parse(f.Name[1..f.Name.IndexOf(']')])));
    }

    [Fact]
    public void Markdown_masked_links_and_mentions_from_articles_stay_text()
    {
        var escaped = DiscordFormatter.Escape("**bold** [click](https://evil.example) @everyone <@123> `code`");
        Assert.DoesNotContain("**bold**", escaped);
        Assert.DoesNotContain("](https", escaped);
        Assert.DoesNotContain("@everyone", escaped, StringComparison.Ordinal);
        Assert.DoesNotContain("<@123>", escaped, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_text_keeps_web_addresses_clickable_and_everything_else_escaped()
    {
        var payload = DiscordFormatter.Plain("• https://news.example/feed_2026.xml — 3 articles, see https://x.example/a-b(c) **now** @everyone");
        Assert.Contains("<https://news.example/feed_2026.xml>", payload.Content);
        Assert.DoesNotContain(@"https\:", payload.Content);
        Assert.Contains(@"\*\*now\*\*", payload.Content);
        Assert.DoesNotContain("@everyone", payload.Content, StringComparison.Ordinal);
        Assert.Empty(payload.AllowedMentions.Parse);
    }

    [Fact]
    public void A_dated_answer_shows_each_date_above_its_block_quote()
    {
        var citations = Enumerable.Range(1, 2).Select(n => new Citation(n, $"Title {n}", "Wire", $"https://wire.example/{n}", new DateOnly(2026, 2, n), "q", "d", n)).ToList();
        const string text = "20 Feb 2026 — The talks resumed in Granvik. [1]\n10 Jan 2026 — The talks stalled in Lakeport. [2]";
        var messages = DiscordFormatter.Answer(new ChatAnswer("What's the latest?", new Answer(text, AnswerMode.Extractive, true, citations), []));
        Assert.Equal(["**20 Feb 2026**", "> The talks resumed in Granvik. \\[1\\]", "**10 Jan 2026**", "> The talks stalled in Lakeport. \\[2\\]"],
            messages[0].Embeds![0].Description!.Split('\n'));
    }

    [Fact]
    public void An_extractive_answer_shows_each_sentence_as_a_block_quote()
    {
        var citations = Enumerable.Range(1, 2).Select(n => new Citation(n, $"Title {n}", "Wire", $"https://wire.example/{n}", new DateOnly(2026, 2, n), "q", "d", n)).ToList();
        const string text = "The sides swapped 314 prisoners, @everyone said. [1] Of those freed, 139 had been held since 2022. [2]";
        var messages = DiscordFormatter.Answer(new ChatAnswer("How many?", new Answer(text, AnswerMode.Extractive, true, citations), []));
        var lines = messages[0].Embeds![0].Description!.Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.All(lines, l => Assert.StartsWith("> ", l));
        Assert.DoesNotContain("@everyone", lines[0], StringComparison.Ordinal);
        var written = DiscordFormatter.Answer(new ChatAnswer("How many?", new Answer("They swapped 314 [1].", AnswerMode.Llm, true, citations), []));
        Assert.DoesNotContain("> ", written[0].Embeds![0].Description);
    }

    [Fact]
    public void A_source_link_too_long_for_a_field_is_left_out_and_the_outlet_stays()
    {
        var longUrl = "https://wire.example/story?q=" + new string('x', 5000);
        var citations = new List<Citation>
        {
            new(1, "Truce talks", "Wire", longUrl, new DateOnly(2026, 3, 1), "q", "d", 1),
            new(2, "Second story", "Post", "https://post.example/2", new DateOnly(2026, 3, 2), "q", "d", 2),
        };
        var messages = DiscordFormatter.Answer(new ChatAnswer("Was the truce extended?", new Answer("It was [1][2].", AnswerMode.Llm, true, citations), []));
        var fields = messages.SelectMany(m => m.Embeds![0].Fields ?? []).ToList();
        Assert.All(fields, f => Assert.True(f.Value.Length <= DiscordFormatter.MaxFieldValue));
        Assert.StartsWith("Wire, ", fields[0].Value);
        Assert.DoesNotContain("](", fields[0].Value);
        Assert.StartsWith("[Post](<https://post.example/2>), ", fields[1].Value);
    }
}
