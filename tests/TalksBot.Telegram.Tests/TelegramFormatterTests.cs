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
    public void An_extractive_answer_shows_each_sentence_as_a_quote_and_a_model_answer_does_not()
    {
        var citations = Enumerable.Range(1, 2).Select(n => new Citation(n, $"Title {n}", "Wire", $"https://wire.example/{n}", new DateOnly(2026, 2, n), "q", "d", n)).ToList();
        const string text = "The sides swapped 314 prisoners <b>at once</b>. [1] Of those freed, 139 had been held since 2022. [1][2]";
        var quoted = TelegramFormatter.Answer(new Answer(text, AnswerMode.Extractive, true, citations))[0];
        Assert.Contains("<blockquote>The sides swapped 314 prisoners &lt;b&gt;at once&lt;/b&gt;. [1]</blockquote>", quoted);
        Assert.Contains("<blockquote>Of those freed, 139 had been held since 2022. [1][2]</blockquote>", quoted);

        var written = TelegramFormatter.Answer(new Answer("The sides swapped 314 prisoners [1].", AnswerMode.Llm, true, citations))[0];
        Assert.DoesNotContain("<blockquote>", written);
        var refused = TelegramFormatter.Answer(Answer.NotCovered())[0];
        Assert.DoesNotContain("<blockquote>", refused);
    }
}
