using TalksBot.Core.Indexing;

namespace TalksBot.Core.Tests;

public class IndexedPassageTests
{
    [Fact]
    public void The_full_text_index_input_is_the_terms_joined_and_follows_a_change_of_terms()
    {
        var passage = new IndexedPassage(0, "Talks in Geneva.", ["talk", "geneva"]);
        Assert.Equal("talk geneva", passage.TermText);
        var changed = passage with { Terms = ["talk", "abu", "dhabi"] };
        Assert.Equal("talk abu dhabi", changed.TermText);
        Assert.Equal("talk geneva", passage.TermText);
    }
}
