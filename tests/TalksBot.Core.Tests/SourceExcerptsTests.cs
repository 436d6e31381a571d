using TalksBot.Core.Answering;

namespace TalksBot.Core.Tests;

public class SourceExcerptsTests
{
    private static Citation Source(int n, string passage) =>
        new(n, $"Title {n}", $"Outlet {n}", $"https://outlet{n}.example/a", new DateOnly(2026, 3, n), passage, $"doc{n}.md", n);

    [Fact]
    public void A_model_answer_gets_under_each_source_the_sentence_of_its_passage_that_the_answer_used()
    {
        var citations = new[]
        {
            Source(1, "The talks resumed on Monday. The northern delegation is led by Ilse Varga, a former trade envoy. Lunch was served late."),
            Source(2, "Observers were hopeful. Kyiv will not discuss the ceded districts at the first session, its envoy said."),
        };
        var answer = new Answer("The northern side sent a team under Ilse Varga, once a trade envoy [1]. Kyiv refused to discuss the districts at first [2].",
            AnswerMode.Llm, true, citations);

        var excerpts = SourceExcerpts.Of(answer);

        Assert.Equal("The northern delegation is led by Ilse Varga, a former trade envoy.", excerpts[1]);
        Assert.Equal("Kyiv will not discuss the ceded districts at the first session, its envoy said.", excerpts[2]);
    }

    [Fact]
    public void An_extractive_quote_already_shown_gets_no_excerpt_and_another_outlets_wording_of_it_does()
    {
        var citations = new[]
        {
            Source(1, "Weather delayed the flights. The two sides exchanged 210 prisoners on Friday, the mediators said."),
            Source(2, "The two sides exchanged 210 prisoners of war on Friday, mediators in the Gulf said. More swaps are planned."),
        };
        var answer = new Answer("The two sides exchanged 210 prisoners on Friday, the mediators said. [1][2]", AnswerMode.Extractive, true, citations);

        var excerpts = SourceExcerpts.Of(answer);

        Assert.False(excerpts.ContainsKey(1));
        Assert.Equal("The two sides exchanged 210 prisoners of war on Friday, mediators in the Gulf said.", excerpts[2]);
    }

    [Fact]
    public void A_long_sentence_is_cut_at_a_word_boundary_within_the_limit_and_ends_in_an_ellipsis()
    {
        var sentence = "The negotiators, who had flown in overnight from three capitals, agreed after eleven hours of talks on a draft text covering the ceasefire line, the exchange of prisoners and the return of children.";

        var cut = SourceExcerpts.Cut(sentence);

        Assert.True(cut.Length <= SourceExcerpts.MaxLength, $"{cut.Length} characters");
        Assert.EndsWith("…", cut);
        var kept = cut[..^1];
        Assert.StartsWith(kept, sentence);
        // It ends on a whole word: the next character of the sentence is a space (or punctuation before one).
        Assert.Matches(@"^[\s,;:]", sentence[kept.Length..]);
        Assert.True(kept.Length > SourceExcerpts.MaxLength - 20, "cut near the limit, not at the first space");
        Assert.Equal("Short and whole.", SourceExcerpts.Cut("Short  and\nwhole."));
    }

    [Fact]
    public void A_refusal_or_an_uncovered_answer_has_no_excerpts()
    {
        Assert.Empty(SourceExcerpts.Of(Answer.Refusal("Too long.")));
        Assert.Empty(SourceExcerpts.Of(Answer.NotCovered()));
    }
}
