using TalksBot.Evaluation;
using TalksBot.Testing;
using Xunit.Abstractions;

namespace TalksBot.Tests.Evaluation;

/// <summary>
/// The dev set asked through the conversation pipeline over the real corpora with the default configuration: it runs
/// without an exception, every quote is verbatim, and the pass rates hold the floors in <see cref="AnswerQualityFloors"/>.
/// </summary>
public sealed class DevSetTests(DevSetEvaluation run, ITestOutputHelper output) : IClassFixture<DevSetEvaluation>
{
    [Fact]
    public void Every_question_gets_a_final_answer_and_none_fails_for_another_reason()
    {
        Assert.Equal(run.Set.Questions.Count, run.Report.Verdicts.Count);
        var broken = run.Report.Verdicts.Where(v => v.Reasons.Any(r => r.StartsWith("refused for another reason", StringComparison.Ordinal))).ToList();
        Assert.True(broken.Count == 0, string.Join("\n", broken.Select(v => $"{v.Question.Id}: {v.AnswerText}")));
    }

    [Fact]
    public void Every_extractive_quote_is_verbatim_in_the_passage_it_cites()
    {
        Assert.True(run.Report.Quotes > 0, "no answer quoted anything: the evaluation would pass on a stub");
        var bad = run.Report.Verdicts.Where(v => !v.AllQuotesVerbatim).ToList();
        Assert.True(bad.Count == 0, string.Join("\n", bad.SelectMany(v => v.Reasons.Where(r => r.StartsWith("quote", StringComparison.Ordinal)).Select(r => $"{v.Question.Id}: {r}"))));
        Assert.True(run.Report.QuotesVerbatimRate >= AnswerQualityFloors.QuotesVerbatim);
    }

    [Fact]
    public void Pass_rates_hold_the_floors()
    {
        output.WriteLine(run.Report.ToText(verbose: false));
        Assert.True(run.Report.AnswerableCorrectRate >= AnswerQualityFloors.AnswerableCorrect,
            $"answerable correct {run.Report.AnsweredCorrectly}/{run.Report.Answerable} = {run.Report.AnswerableCorrectRate:P1} is below the floor {AnswerQualityFloors.AnswerableCorrect:P0}");
        Assert.True(run.Report.UncoveredRefusedRate >= AnswerQualityFloors.UncoveredRefused,
            $"uncovered refused {run.Report.UncoveredRefused}/{run.Report.Uncovered} = {run.Report.UncoveredRefusedRate:P1} is below the floor {AnswerQualityFloors.UncoveredRefused:P0}");
    }

    // The cases of a read set the latest answer rules were written from, asked over the same corpora: each rule answers
    // its case (turn one off and its case fails).
    [Theory]
    [InlineData("fresh11", "f11-38")] // (uncovered) a thing's name asked for: the report says "a Russian-flagged oil tanker" without one
    [InlineData("fresh25", "f25-03")] // a book's name is asked for, not a person's
    [InlineData("fresh30", "f30-02")] // a language is a kind named without its kind ("in English")
    [InlineData("fresh30", "f30-11")] // a part of a sum the question names is answered by a share ("Two-thirds")
    [InlineData("fresh30", "f30-32")] // the countries naming the war and the cited report's phrase need not stand by the person
    [InlineData("fresh30", "f30-42")] // "by how much"; a quotation's opening line sets its scene; the checked sentence quoted first
    public async Task A_case_an_answer_rule_was_written_from_is_answered(string name, string id)
    {
        var question = QuestionSet.Load(DevSetEvaluation.SetPath(name), SharedData.Root).Questions.Single(q => q.Id == id);
        var verdict = Assert.Single((await run.RunAsync([question])).Verdicts);
        Assert.True(verdict.Passed, $"{id}: {string.Join("; ", verdict.Reasons)}\n{verdict.AnswerText}");
    }

    [Theory]
    [InlineData("devset")]
    [InlineData("heldout")]
    [InlineData("fresh")]
    [InlineData("fresh2")]
    [InlineData("fresh3")]
    [InlineData("fresh4")]
    [InlineData("fresh5")]
    [InlineData("fresh6")]
    [InlineData("fresh7")]
    [InlineData("fresh8")]
    [InlineData("fresh9")]
    [InlineData("fresh10")]
    [InlineData("fresh11")]
    [InlineData("fresh12")]
    [InlineData("fresh13")]
    [InlineData("fresh14")]
    [InlineData("fresh15")]
    [InlineData("fresh16")]
    [InlineData("fresh17")]
    [InlineData("fresh18")]
    [InlineData("fresh19")]
    [InlineData("fresh20")]
    [InlineData("fresh21")]
    [InlineData("fresh22")]
    [InlineData("fresh23")]
    [InlineData("fresh24")]
    [InlineData("fresh25")]
    [InlineData("fresh26")]
    [InlineData("fresh27")]
    [InlineData("fresh28")]
    [InlineData("fresh29")]
    [InlineData("fresh30")]
    [InlineData("fresh31")]
    [InlineData("fresh32")]
    public void Every_expected_word_is_in_an_article_listed_for_it(string name)
    {
        var path = DevSetEvaluation.SetPath(name);
        var set = QuestionSet.Load(path, SharedData.Root); // ids unique, files exist, answerable entries complete
        var problems = new List<string>();
        foreach (var q in set.Questions.Where(q => q.Covered))
        {
            var texts = q.Articles!.Select(a => AnswerChecker.Normalize(File.ReadAllText(Path.Combine(SharedData.Root, a)))).ToList();
            foreach (var group in q.MustContain!)
            {
                if (!texts.Any(t => group.Any(w => AnswerChecker.ContainsWord(t, AnswerChecker.Normalize(w))))) problems.Add($"{q.Id}: no listed article holds {string.Join(" | ", group)}");
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.True(set.Questions.Count(q => !q.Covered) >= (name == "devset" ? 15 : 5), "too few uncovered questions");
    }
}
