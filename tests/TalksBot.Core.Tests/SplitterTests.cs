using TalksBot.Core.Articles;
using TalksBot.Testing;

namespace TalksBot.Core.Tests;

public class SplitterTests
{
    [Fact]
    public void Sentences_end_at_terminators_but_not_after_common_abbreviations()
    {
        var sentences = SentenceSplitter.Split("Mr. Witkoff met Gen. Umerov in the U.S. capital on Jan. 5. The talks ended. “Will they resume?” Nobody knows.").ToList();
        Assert.Equal(["Mr. Witkoff met Gen. Umerov in the U.S. capital on Jan. 5.", "The talks ended.", "“Will they resume?”", "Nobody knows."], sentences);
    }

    [Fact]
    public void A_footnote_marker_glued_to_a_full_stop_ends_the_sentence_but_a_decimal_does_not()
    {
        var sentences = SentenceSplitter.Split(
            "Support for talks reached a record in August 2025.26 Still, most want the land kept.27 Approval stayed at 70 percent.4 Growth slowed to 0.6 Percent by one count.").ToList();
        Assert.Equal(
            ["Support for talks reached a record in August 2025.26", "Still, most want the land kept.27", "Approval stayed at 70 percent.4",
             "Growth slowed to 0.6 Percent by one count."], sentences);
    }

    [Fact]
    public void Real_articles_split_into_passages_of_60_to_180_words_that_keep_every_sentence_verbatim()
    {
        var folder = SharedData.PathTo("corpora", "talks-2025-2026");
        foreach (var file in Directory.GetFiles(folder, "*.md").Take(15))
        {
            var text = File.ReadAllText(file);
            var body = text[(text.IndexOf("---", 3, StringComparison.Ordinal) + 3)..];
            var passages = new PassageSplitter().Split(body);
            Assert.NotEmpty(passages);
            for (int i = 0; i < passages.Count; i++)
            {
                Assert.Equal(i, passages[i].Position);
                Assert.True(passages[i].WordCount <= 180 + 60, $"{Path.GetFileName(file)} passage {i} has {passages[i].WordCount} words");
                if (passages.Count > 1) Assert.True(passages[i].WordCount >= 30, $"{Path.GetFileName(file)} passage {i} has only {passages[i].WordCount} words");
            }
            var words = passages.Sum(p => p.WordCount);
            Assert.Equal(PassageSplitter.CountWords(body), words);
            // Any sentence of a passage is found verbatim in it (quotes must be exact).
            foreach (var p in passages)
                foreach (var s in SentenceSplitter.Split(p.Text))
                    Assert.Contains(s, p.Text);
        }
    }

    [Fact]
    public void Most_passages_of_long_articles_fall_within_60_to_180_words()
    {
        var folder = SharedData.PathTo("corpora", "talks-2025-2026");
        var all = Directory.GetFiles(folder, "*.md").SelectMany(f => new PassageSplitter().Split(File.ReadAllText(f))).ToList();
        double within = all.Count(p => p.WordCount is >= 60 and <= 180) / (double)all.Count;
        Assert.True(within >= 0.8, $"only {within:P0} of {all.Count} passages are 60–180 words");
    }

    [Fact]
    public void A_run_glued_by_a_lost_space_splits_into_its_sentences_on_request()
    {
        const string run = "All members repeat that Granvik will enter the alliance.However, we have heard it since 2008. "
            + "Visit www.lunde.Net for more.The expert.Brandt added that the U.S.Army trains with them.";
        // Passages are cut as indexed: the ordinary split leaves the run alone.
        Assert.Equal(2, SentenceSplitter.Split(run).Count());
        var parts = SentenceSplitter.SplitGlued(run).ToList();
        Assert.Equal(["All members repeat that Granvik will enter the alliance.", "However, we have heard it since 2008. Visit www.lunde.Net for more.",
            "The expert.", "Brandt added that the U.S.Army trains with them."], parts);
        Assert.All(parts, p => Assert.Contains(p, run));
    }
}
