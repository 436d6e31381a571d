using TalksBot.Core.Articles;
using TalksBot.Testing;

namespace TalksBot.Core.Tests;

public sealed class BoilerplateFilterTests
{
    [Fact]
    public void Navigation_captions_prompts_and_link_lists_are_dropped_and_prose_is_kept()
    {
        var body = string.Join('\n',
            "Ukraine and Russia ended a second round of talks in Abu Dhabi on Thursday with a prisoner swap.",
            "Read more: The historic pontificate of Pope Leo XIV",
            "Advertisement",
            "Item 2 of 5 Soldiers who were released in an exchange of prisoners of war pose for a picture as they arrive at an undisclosed location after a swap, amid the war, in a long caption of a photo gallery, February 5.",
            "Soldiers at a checkpoint near Kharkiv in March.  Photograph: Someone/Getty Images",
            "[[xiv]](https://example.org/analysis/<#ref14>) https://x.com/someone/status/1; https://t.me/channel/2",
            "We use cookies to improve your experience. Accept all cookies",
            "Russia | Ukraine | United States | War | Diplomacy",
            "The next round is due in Geneva, [according to officials](https://example.org/story), next month.[[ii]](https://example.org/<#ref2>)");
        var cleaned = BoilerplateFilter.Default.Clean(body);

        Assert.Equal(7, cleaned.DroppedLines);
        Assert.DoesNotContain("Item 2 of 5", cleaned.Text);
        Assert.Contains("second round of talks in Abu Dhabi", cleaned.Text);
        Assert.Contains("The next round is due in Geneva, according to officials, next month.", cleaned.Text);
        Assert.DoesNotContain("Pope Leo", cleaned.Text);
        Assert.DoesNotContain("Getty", cleaned.Text);
        Assert.DoesNotContain("http", cleaned.Text);
        Assert.DoesNotContain("cookies", cleaned.Text);
    }

    [Fact]
    public void A_bad_rule_is_reported_with_its_line()
    {
        var ex = Assert.Throws<FormatException>(() => new BoilerplateFilter("# rules\ndrop: (unclosed"));
        Assert.Contains("line 2", ex.Message);
        Assert.Throws<FormatException>(() => new BoilerplateFilter("keep: something"));
    }

    [Fact]
    public void The_real_corpora_lose_their_footnote_lists_and_credits_but_keep_their_stories()
    {
        int dropped = 0, files = 0;
        foreach (var file in Directory.EnumerateFiles(SharedData.PathTo("corpora", "talks-2025-2026"), "*.md"))
        {
            var text = File.ReadAllText(file);
            var body = text[(text.IndexOf("\n---", 3, StringComparison.Ordinal) + 4)..];
            var cleaned = BoilerplateFilter.Default.Clean(body);
            dropped += cleaned.DroppedLines;
            files++;
            Assert.DoesNotContain("t.me/", cleaned.Text);
            Assert.DoesNotContain("Photograph:", cleaned.Text);
            Assert.DoesNotContain("\nAdvertisement\n", "\n" + cleaned.Text + "\n");
            // Most of every story survives: cleaning takes the wrapping, not the article.
            Assert.True(cleaned.Text.Length > body.Length / 4, $"{Path.GetFileName(file)} lost most of its text");
        }
        Assert.True(files >= 30);
        Assert.True(dropped > 100, $"only {dropped} lines dropped");
    }
}
