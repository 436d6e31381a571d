using TalksBot.Core.Answering;
using TalksBot.Evaluation;

namespace TalksBot.Tests.Evaluation;

/// <summary>The checker itself: it passes a right answer and fails each way an answer can be wrong, so the evaluation can't pass on a stub.</summary>
public sealed class AnswerCheckerTests
{
    private const string Root = "/data/shared";
    private const string Swap = "corpora/talks-2025-2026/swap.md";
    private const string Other = "corpora/war-2022-2024/other.md";
    private const string Passage = "KYIV, Feb 5 - The delegations agreed to an exchange of 314 prisoners of war,  which took place on Thursday. It was the first such swap in five months.";

    private static readonly AnswerChecker Checker = new(Root);

    private static readonly EvaluationQuestion HowMany = new("q1", "how-many", "How many prisoners were exchanged?", Covered: true,
        Articles: [Swap], MustContain: [["314"], ["prisoner", "POW"]]);

    private static readonly EvaluationQuestion Tungsten = new("u1", "uncovered", "What is the boiling point of tungsten?", Covered: false);

    private static Citation Cite(int n, string file, string quote = Passage) =>
        new(n, "Swap", "Reuters", null, new DateOnly(2026, 2, 5), quote, $"{Root}/{file}", n);

    private static Answer Extractive(string text, params Citation[] citations) => new(text, AnswerMode.Extractive, true, citations);

    [Fact]
    public void A_grounded_answer_citing_the_article_with_every_expected_word_passes()
    {
        var verdict = Checker.Check(HowMany, Extractive("The delegations agreed to an exchange of 314 prisoners of war, which took place on Thursday. [1]", Cite(1, Swap)));
        Assert.True(verdict.Passed, string.Join("; ", verdict.Reasons));
        Assert.Equal([Swap], verdict.CitedArticles);
        Assert.Equal(1, verdict.Quotes);
        Assert.Equal(1, verdict.QuotesVerbatim);
    }

    [Fact]
    public void An_answer_citing_only_an_article_that_does_not_hold_the_fact_fails()
    {
        var verdict = Checker.Check(HowMany, Extractive("The delegations agreed to an exchange of 314 prisoners of war, which took place on Thursday. [1]", Cite(1, Other)));
        Assert.False(verdict.Passed);
        Assert.Contains(verdict.Reasons, r => r.Contains("cites none of the expected articles") && r.Contains(Other));
    }

    [Fact]
    public void An_answer_without_an_expected_word_fails_and_says_which()
    {
        var verdict = Checker.Check(HowMany, Extractive("It was the first such swap in five months. [1]", Cite(1, Swap)));
        Assert.False(verdict.Passed);
        Assert.Contains(verdict.Reasons, r => r.Contains("missing \"314\""));
        Assert.Contains(verdict.Reasons, r => r.Contains("\"prisoner\" | \"POW\""));
    }

    [Fact]
    public void An_answerable_question_answered_as_not_covered_fails()
    {
        var verdict = Checker.Check(HowMany, Answer.NotCovered());
        Assert.False(verdict.Passed);
        Assert.Contains("not grounded (answered as not covered)", verdict.Reasons);
        Assert.Contains("no citation", verdict.Reasons);
    }

    [Fact]
    public void An_uncovered_question_answered_with_a_citation_fails_and_a_refusal_passes()
    {
        var answered = Checker.Check(Tungsten, Extractive("It was the first such swap in five months. [1]", Cite(1, Other)));
        Assert.False(answered.Passed);
        Assert.Contains("answered although the articles don't cover it", answered.Reasons);
        Assert.Contains(answered.Reasons, r => r.StartsWith("cites " + Other, StringComparison.Ordinal));

        var refused = Checker.Check(Tungsten, Answer.NotCovered());
        Assert.True(refused.Passed, string.Join("; ", refused.Reasons));
    }

    [Fact]
    public void A_refusal_for_another_reason_never_counts_as_a_correct_refusal()
    {
        var verdict = Checker.Check(Tungsten, Answer.Refusal("Something went wrong."));
        Assert.False(verdict.Passed);
        Assert.Contains(verdict.Reasons, r => r.StartsWith("refused for another reason", StringComparison.Ordinal));
    }

    [Fact]
    public void A_quote_that_is_not_in_its_cited_passage_fails_even_when_the_facts_are_right()
    {
        var verdict = Checker.Check(HowMany, Extractive("Negotiators swapped 314 prisoners of war on Thursday. [1]", Cite(1, Swap)));
        Assert.False(verdict.Passed);
        Assert.Equal(0, verdict.QuotesVerbatim);
        Assert.Contains(verdict.Reasons, r => r.StartsWith("quote not verbatim in its passage [1]", StringComparison.Ordinal));
    }

    [Fact]
    public void A_quote_is_checked_against_the_passage_its_own_marker_cites()
    {
        var elsewhere = Cite(2, Other, "Nothing about prisoners here.");
        var verdict = Checker.Check(HowMany, Extractive("The delegations agreed to an exchange of 314 prisoners of war, which took place on Thursday. [2] Filler text. [1]", Cite(1, Swap), elsewhere));
        Assert.Equal(2, verdict.Quotes);
        Assert.Equal(0, verdict.QuotesVerbatim);
    }

    [Theory]
    [InlineData("“The delegations agreed to an exchange of 314 prisoners of war, which took place on Thursday.” [1]")]
    [InlineData("5 Feb 2026 — The delegations agreed to an exchange of 314 prisoners of war, which took place on Thursday. [1]")]
    [InlineData("> The delegations agreed to an exchange of 314 prisoners of war, which took place on Thursday. [1][2]")]
    [InlineData("Here is what the articles say:\nThe delegations agreed to an exchange of 314 prisoners of war, … on Thursday. [1]")]
    public void Quotation_marks_dates_bullets_and_marked_elisions_around_a_verbatim_quote_are_accepted(string text)
    {
        var verdict = Checker.Check(HowMany, Extractive(text, Cite(1, Swap), Cite(2, Other, "Unrelated.")));
        Assert.True(verdict.Passed, string.Join("; ", verdict.Reasons));
        Assert.Equal(1, verdict.Quotes);
    }

    [Fact]
    public void Model_answers_are_judged_on_facts_and_citations_not_on_verbatim_quotes()
    {
        var answer = new Answer("Russia and Ukraine swapped 314 prisoners of war. [1]", AnswerMode.Llm, true, [Cite(1, Swap)]);
        var verdict = Checker.Check(HowMany, answer);
        Assert.True(verdict.Passed, string.Join("; ", verdict.Reasons));
        Assert.Equal(0, verdict.Quotes);
    }

    [Theory]
    [InlineData("an exchange of 314 prisoners", "314", true)]
    [InlineData("an exchange of 3140 prisoners", "314", false)]
    [InlineData("an exchange of 1314 prisoners", "314", false)]
    [InlineData("hundreds of prisoners", "prisoner", true)]
    [InlineData("the power grid", "pow", false)]
    [InlineData("freed pows", "pow", true)]
    [InlineData("don’t need confrontation", "don't need confrontation", true)]
    [InlineData("talks in\u00a0Geneva", "talks in geneva", true)]
    [InlineData("five \u200byears and nine months", "five years", true)]
    [InlineData("about 20% of it", "20%", true)]
    public void Expected_words_match_whole_words_across_case_quotes_and_spaces(string text, string word, bool expected)
    {
        Assert.Equal(expected, AnswerChecker.ContainsWord(AnswerChecker.Normalize(text), AnswerChecker.Normalize(word)));
    }

    [Fact]
    public void A_set_with_a_duplicate_id_or_an_answerable_entry_without_articles_is_rejected_with_reasons()
    {
        var problems = QuestionSet.Validate(
        [
            HowMany,
            HowMany with { Question = "again" },
            new EvaluationQuestion("q2", "who", "Who?", Covered: true, MustContain: [["x"]]),
            Tungsten with { Id = "u2", Articles = [Swap] },
        ], sharedRoot: null);
        Assert.Contains(problems, p => p.Contains("(q1)") && p.Contains("duplicate id"));
        Assert.Contains(problems, p => p.Contains("(q2)") && p.Contains("needs the articles"));
        Assert.Contains(problems, p => p.Contains("(u2)") && p.Contains("uncovered question lists articles"));
    }
}
