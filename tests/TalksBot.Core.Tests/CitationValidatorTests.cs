using TalksBot.Core.Answering.Llm;
using TalksBot.Core.Indexing;
using TalksBot.Core.Retrieval;

namespace TalksBot.Core.Tests;

/// <summary>What survives of a model's reply once its citations are checked against the passages it was shown.</summary>
public class CitationValidatorTests
{
    private static readonly IReadOnlyList<RetrievedPassage> TwoPassages =
    [
        Passage(11, "Zelensky wants every occupied region back, Crimea included."),
        Passage(12, "Moscow wants recognition of the annexed regions."),
    ];

    [Fact]
    public void A_claim_whose_only_citation_was_invented_goes_with_it()
    {
        var result = CitationValidator.Validate("Zelensky wants every region back, Crimea included [1]. He also wants a pony [9].", TwoPassages);
        Assert.Equal("Zelensky wants every region back, Crimea included [1].", result.Text);
        Assert.Equal(1, result.DroppedClaims);
        Assert.Equal(1, result.RemovedMarkers);
        Assert.Single(result.Citations);
    }

    [Fact]
    public void A_claim_with_one_valid_citation_among_invented_ones_stays_with_the_valid_one()
    {
        var result = CitationValidator.Validate("Moscow wants recognition [9][2]. Kyiv refuses [1].", TwoPassages);
        Assert.Equal("Moscow wants recognition [1]. Kyiv refuses [2].", result.Text);
        Assert.Equal(0, result.DroppedClaims);
        Assert.Equal(1, result.RemovedMarkers);
    }

    [Fact]
    public void Prose_without_markers_and_abbreviations_do_not_split_or_drop_claims()
    {
        var reply = "The positions differ. U.S. envoys carried a plan [2]. Kyiv said no [3].\n- Crimea stays Ukrainian [1]\n- A pony for everyone [7]\n";
        var result = CitationValidator.Validate(reply, TwoPassages);
        Assert.Equal("The positions differ. U.S. envoys carried a plan [1].\n- Crimea stays Ukrainian [2]", result.Text);
        Assert.Equal(2, result.DroppedClaims);
    }

    [Fact]
    public void A_reply_whose_every_claim_was_invented_has_no_citations_left()
    {
        var result = CitationValidator.Validate("Zelensky demands the moon [5]. And the stars [6].", TwoPassages);
        Assert.Empty(result.Citations);
        Assert.Equal("", result.Text);
        Assert.Equal(2, result.DroppedClaims);
    }

    private static RetrievedPassage Passage(long id, string text) =>
        new(new PassageHit(id, 0, text, new ArticleInfo(id, $"Article {id}", "Outlet", new DateOnly(2026, 1, 19), $"https://example.org/{id}", "test"), 1), 1, null, 1, 1);
}
