using TalksBot.Core.Answering;

namespace TalksBot.Discord.Tests;

public class DiscordFormatterTests
{
    [Fact]
    public void Long_answers_and_many_sources_are_split_into_messages_within_discords_limits()
    {
        var text = string.Join("\n\n", Enumerable.Repeat(string.Join(' ', Enumerable.Repeat("Talks resumed in Geneva on Tuesday.", 30)), 8));
        var citations = Enumerable.Range(1, 40).Select(n => new Citation(n, new string('T', 300) + n, "Wire", $"https://wire.example/{n}", new DateOnly(2026, 2, 1), "q", "d", n)).ToList();
        var messages = DiscordFormatter.Answer(new Answer(text, AnswerMode.Llm, true, citations));
        Assert.True(messages.Count >= 3);
        foreach (var m in messages)
        {
            Assert.True(m.Content!.Length <= DiscordFormatter.MaxContent);
            Assert.Empty(m.AllowedMentions.Parse);
            var e = Assert.Single(m.Embeds!);
            Assert.True((e.Description?.Length ?? 0) <= DiscordFormatter.MaxDescription);
            Assert.True((e.Fields?.Count ?? 0) <= DiscordFormatter.MaxFields);
            Assert.All(e.Fields ?? [], f => Assert.True(f.Name.Length <= 256 && f.Value.Length <= 1024));
            int total = (e.Description?.Length ?? 0) + (e.Fields ?? []).Sum(f => f.Name.Length + f.Value.Length) + (e.Footer?.Text.Length ?? 0);
            Assert.True(total <= DiscordFormatter.MaxTotal, $"{total} characters in one embed");
        }
        Assert.Equal(40, messages.Sum(m => m.Embeds![0].Fields?.Count ?? 0));
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
}
